package org.chapkit.ml.runner;

/**
 * How an external command ended (shell runner only).
 *
 * @param exitCode the exit code; non-zero means failure
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record ProcessOutcome(int exitCode, String stdout, String stderr) {

    /**
     * Whether the command exited with 0.
     *
     * @return {@code true} on success
     */
    public boolean succeeded() {
        return exitCode == 0;
    }
}

package org.chapkit.cli;

import org.chapkit.client.ChapkitClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chapkit} command: {@code java -jar chapkit-cli.jar <init|test|artifact> …}. */
@Command(
        name = "chapkit",
        mixinStandardHelpOptions = true,
        versionProvider = ChapkitCommand.Version.class,
        description = "Chapkit for Java: create a service, check a running one, move its artifacts.",
        subcommands = {InitCommand.class, TestCommand.class, ArtifactCommand.class})
public final class ChapkitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, for running it without exiting the JVM. A failed request to the service (an unknown
     * artifact, a service that does not answer) prints one line, {@code chapkit: <what failed>}, and exits with 1;
     * anything else keeps picocli's stack trace.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine command = new CommandLine(new ChapkitCommand());
        command.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (!(ex instanceof ChapkitClientException)) {
                throw ex;
            }
            line.getErr().println("chapkit: " + ex.getMessage());
            line.getErr().flush();
            return 1;
        });
        return command;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The tool's version: that of the chapkit modules it generates projects for. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"chapkit " + ProjectGenerator.chapkitVersion()};
        }
    }
}

package org.chapkit.ml.command;

/** What became of one inbound message. */
public sealed interface CommandOutcome {

    /**
     * The command was valid and its job was submitted.
     *
     * @param command the command's name
     * @param jobId the job
     * @param artifactId the artifact the job will write
     */
    record Accepted(String command, String jobId, String artifactId) implements CommandOutcome {}

    /**
     * A message with this id was accepted before; nothing was run again.
     *
     * @param jobId the job the first one submitted
     */
    record Duplicate(String jobId) implements CommandOutcome {}

    /**
     * The message was malformed or the command invalid: it belongs in the dead-letter queue with this reason.
     *
     * @param reason why, as a problem document
     */
    record Rejected(CommandRejection reason) implements CommandOutcome {}
}

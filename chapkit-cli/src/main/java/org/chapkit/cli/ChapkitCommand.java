package org.chapkit.cli;

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
     * The command line, for running it without exiting the JVM.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new ChapkitCommand());
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

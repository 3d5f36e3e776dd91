package org.chapkit.cli;

import java.nio.file.Path;

/**
 * Writes the content of {@code chapkit-archetype} (run by chapkit-cli's build into {@code target/archetype}, which
 * the archetype module packages): the {@code annotated} template of {@code chapkit init} as Maven archetype
 * resources, so both ways of starting a project come from one source.
 */
public final class ArchetypeResources {

    private ArchetypeResources() {}

    /**
     * Writes the archetype's content.
     *
     * @param args one argument: the directory to write into
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ArchetypeResources DIRECTORY");
        }
        ProjectGenerator.generateArchetype(Path.of(args[0]));
    }
}

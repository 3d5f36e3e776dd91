package org.chapkit.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Class paths of the apps the harness starts. The sample app's Spring Boot jar is extracted once ({@code
 * -Djarmode=tools extract}: the app jar plus {@code lib/}), so the sample app and the plain baseline app both run
 * from an ordinary class path of the same library jars; the plain app just leaves out every {@code chapkit-*} jar.
 *
 * @param sampleJar the extracted sample app jar (its manifest lists {@code lib/})
 * @param sampleMainClass the sample app's main class
 * @param libraries the library jars of the sample app
 */
public record AppLayout(Path sampleJar, String sampleMainClass, List<Path> libraries) {

    private static final Map<Path, AppLayout> EXTRACTED = new HashMap<>();

    /** Extracts {@code apps/chapkit-sample-app.jar} (or {@code --sample-jar}) into the work directory. */
    public static synchronized AppLayout extract(HarnessContext context) throws IOException, InterruptedException {
        AppLayout cached = EXTRACTED.get(context.workDir());
        if (cached != null) {
            return cached;
        }
        Path bootJar = Path.of(context.options()
                .getOrDefault(
                        "sample-jar",
                        context.home()
                                .resolve("apps")
                                .resolve("chapkit-sample-app.jar")
                                .toString()));
        if (!Files.isRegularFile(bootJar)) {
            throw new IllegalStateException(
                    "Sample app jar not found: " + bootJar + " (build with -am or pass" + " --sample-jar=...)");
        }
        Path destination = context.workDir().resolve("sample-app");
        Process extract = new ProcessBuilder(
                        context.javaCommand(),
                        "-Djarmode=tools",
                        "-jar",
                        bootJar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(context.workDir().resolve("extract.log").toFile())
                .start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("Extracting " + bootJar + " failed; see " + context.workDir());
        }
        Path appJar;
        try (Stream<Path> files = Files.list(destination)) {
            appJar =
                    files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<Path> libraries;
        try (Stream<Path> files = Files.list(destination.resolve("lib"))) {
            libraries = files.sorted().toList();
        }
        String mainClass;
        try (JarFile jar = new JarFile(appJar.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        AppLayout layout = new AppLayout(appJar, mainClass, libraries);
        EXTRACTED.put(context.workDir(), layout);
        return layout;
    }

    /** The sample app's class path, with extra entries in front. */
    public String sampleClasspath(Path... extra) {
        List<String> entries = new ArrayList<>();
        for (Path path : extra) {
            entries.add(path.toString());
        }
        entries.add(sampleJar.toString());
        return String.join(File.pathSeparator, entries);
    }

    /** The sample app's libraries without chapkit's own jars, after the given entries. */
    public String plainClasspath(Path... first) {
        List<String> entries = new ArrayList<>();
        for (Path path : first) {
            entries.add(path.toString());
        }
        libraries.stream()
                .filter(jar -> !jar.getFileName().toString().startsWith("chapkit-"))
                .forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Copies the class files of one package of this harness (e.g. {@code org/chapkit/benchmarks/startup/plain/})
     * into a directory of its own, so that a child app gets those classes and nothing else of the harness.
     */
    public static Path copyPackage(HarnessContext context, String packagePath) throws IOException {
        Path target = Files.createTempDirectory(context.workDir(), "classes-");
        Path source;
        try {
            source = Path.of(AppLayout.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException ex) {
            throw new IOException(ex);
        }
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(packagePath))) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(packagePath)
                            .resolve(file.getFileName().toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(packagePath)
                        && !entry.isDirectory()
                        && name.indexOf('/', packagePath.length()) < 0) {
                    Path copy = target.resolve(name);
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
            }
        }
        return target;
    }
}

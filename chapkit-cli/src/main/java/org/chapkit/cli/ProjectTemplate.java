package org.chapkit.cli;

import java.util.Locale;

/** The project templates of {@code chapkit init}. */
enum ProjectTemplate {
    /** A Spring bean with {@code @Train} and {@code @Predict} methods. */
    ANNOTATED("annotated", "src/main/java/.../MeanModel.java", "", "", ""),
    /** A {@code FunctionalModelRunner} bean: train and predict as lambdas. */
    FUNCTIONAL("functional", "src/main/java/.../ModelRunnerConfiguration.java", "", "", ""),
    /** The model in Python scripts run by the shell runner. */
    SHELL_PYTHON(
            "shell-python",
            "model/scripts/train.py, predict.py",
            "RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*\n"
                    + "COPY model model",
            "",
            ""),
    /** The model in R scripts run by the shell runner; its test is skipped where {@code Rscript} is missing. */
    SHELL_R(
            "shell-r",
            "model/scripts/train.R, predict.R",
            "RUN apt-get update && apt-get install -y --no-install-recommends r-base-core"
                    + " && rm -rf /var/lib/apt/lists/*\nCOPY model model",
            "import org.junit.jupiter.api.condition.EnabledIf;\n",
            "@EnabledIf(value = \"rscriptIsInstalled\", disabledReason = \"Rscript is not on the PATH\")\n");

    private final String id;
    private final String runnerFile;
    private final String dockerExtra;
    private final String testImports;
    private final String testCondition;

    ProjectTemplate(String id, String runnerFile, String dockerExtra, String testImports, String testCondition) {
        this.id = id;
        this.runnerFile = runnerFile;
        this.dockerExtra = dockerExtra;
        this.testImports = testImports;
        this.testCondition = testCondition;
    }

    /** The name on the command line, as in {@code --template shell-python}. */
    String id() {
        return id;
    }

    String runnerFile() {
        return runnerFile;
    }

    String dockerExtra() {
        return dockerExtra;
    }

    String testImports() {
        return testImports;
    }

    String testCondition() {
        return testCondition;
    }

    String testExtra() {
        if (this != SHELL_R) {
            return "";
        }
        return """

                    static boolean rscriptIsInstalled() {
                        String path = System.getenv().getOrDefault("PATH", "");
                        for (String directory : path.split(java.io.File.pathSeparator)) {
                            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(directory, "Rscript"))) {
                                return true;
                            }
                        }
                        return false;
                    }
                """;
    }

    /**
     * The template named {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static ProjectTemplate of(String id) {
        for (ProjectTemplate template : values()) {
            if (template.id.equals(id.toLowerCase(Locale.ROOT))) {
                return template;
            }
        }
        throw new IllegalArgumentException(
                "Unknown template '" + id + "': use annotated, functional, shell-python or shell-r");
    }
}

package org.chapkit.ml.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTests {

    @TempDir
    Path dir;

    @Test
    void aProjectInsideTheTempRootIsCopiedWhole() throws IOException {
        // A checkout under /tmp with the system temp dir as the workspace root, as on many CI machines.
        Path project = Files.createDirectories(dir.resolve("checkout/project"));
        Files.createDirectories(project.resolve("scripts"));
        Files.writeString(project.resolve("scripts/train.py"), "print('hi')");
        Path target = Files.createDirectories(dir.resolve("workspace"));

        Workspaces.copyProject(project, target, dir);

        assertThat(target.resolve("scripts/train.py")).hasContent("print('hi')");
    }

    @Test
    void aTempRootInsideTheProjectIsNotCopiedIntoItself() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("model.R"), "x <- 1");
        Path temp = Files.createDirectories(project.resolve("tmp/work"));
        Files.writeString(temp.resolve("old.txt"), "old");
        Path target = Files.createDirectories(dir.resolve("workspace"));

        Workspaces.copyProject(project, target, temp);

        assertThat(target.resolve("model.R")).exists();
        assertThat(target.resolve("tmp/work/old.txt")).doesNotExist();
    }
}

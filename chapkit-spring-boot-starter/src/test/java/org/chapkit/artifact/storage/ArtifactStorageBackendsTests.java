package org.chapkit.artifact.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chapkit.id.Ulids;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@link ArtifactStorageContract} on the database backend (H2) and on the filesystem backend (PostgreSQL); the S3
 * backend runs it in {@code chapkit-artifact-s3}. The whole artifact API suite also runs on filesystem storage
 * ({@code ArtifactApiTests.OnH2WithFilesystemStorage}).
 */
class ArtifactStorageBackendsTests {

    @Nested
    @ServiceTestOnH2
    class OnDatabaseStorage extends ArtifactStorageContract {
        @Override
        protected Set<String> storedContentIds() {
            return new HashSet<>(jdbc.sql("SELECT DISTINCT content_id FROM artifact_content_chunks")
                    .query(String.class)
                    .list());
        }

        @Override
        protected boolean contentCanOutliveItsRow() {
            return false;
        }
    }

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(
            properties = {
                "chapkit.artifacts.storage.type=filesystem",
                "chapkit.artifacts.storage.filesystem.directory=${java.io.tmpdir}/chapkit-fs-${random.uuid}"
            })
    class OnFilesystemStorage extends ArtifactStorageContract {
        @Override
        protected Set<String> storedContentIds() {
            Path directory = ((FilesystemContentStorage) storage).directory();
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .filter(Ulids::isValid)
                        .collect(Collectors.toSet());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Autowired
        ArtifactContentStorage storage;
    }
}

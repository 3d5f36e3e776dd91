package org.chapkit.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.config.Config;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.FrameFile;
import org.chapkit.client.ml.MlClient;
import org.chapkit.client.ml.PredictSample;
import org.chapkit.client.ml.PredictionArtifactData;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.TrainSample;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code chapkit-client}'s file uploads against the sample app: train and predict from CSV files on disk (one of them
 * gzipped) give the predictions of the JSON requests, and a bad file is a {@link ChapkitProblemException} naming the
 * part.
 */
class SampleAppFileUploadTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @TempDir
        Path dir;

        ChapkitClient client;

        @BeforeEach
        void connect() {
            client = LocalService.client(port);
        }

        @AfterEach
        void disconnect() {
            client.close();
        }

        @Test
        void trainsAndPredictsFromCsvFilesLikeFromJson() throws IOException {
            MlClient ml = client.ml();
            Config<JsonNode> config = client.configs(JsonNode.class)
                    .create("upload", JsonNodeFactory.instance.objectNode().put("seed", 17));
            SampleDataQuery query = SampleDataQuery.DEFAULTS
                    .withConfigId(config.id())
                    .withSize(2, 30)
                    .withSeed(9);
            TrainSample trainSample = ml.sampleTrainData(query);
            PredictSample predictSample = ml.samplePredictData(query);

            JobSubmission jsonTrain = ml.train(trainSample.toRequest(config.id()));
            await(jsonTrain);
            JobSubmission jsonPredict = ml.predict(predictSample.toRequest(jsonTrain.artifactId()));
            await(jsonPredict);

            Path data = write("train.csv", csv(trainSample.data()), false);
            JobSubmission fileTrain = ml.train(config.id(), data);
            await(fileTrain);
            JobSubmission filePredict = ml.predict(
                    fileTrain.artifactId(),
                    write("historic.csv", csv(predictSample.historic()), false),
                    write("future.csv.gz", csv(predictSample.future()), true));
            await(filePredict);

            assertThat(prediction(filePredict).data())
                    .isEqualTo(prediction(jsonPredict).data());
            assertThat(prediction(filePredict).columns())
                    .isEqualTo(prediction(jsonPredict).columns());

            ChapkitProblemException malformed = catchThrowableOfType(
                    ChapkitProblemException.class, () -> ml.train(config.id(), FrameFile.csv("a,b\n1,\"open\n"), null));
            assertThat(malformed.status()).isEqualTo(422);
            assertThat(malformed.detail()).contains("Part 'data'", "CSV");
            ChapkitProblemException unsupported = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> ml.predict(
                            fileTrain.artifactId(),
                            FrameFile.of(new byte[] {1, 2}, "h.xlsx", "application/vnd.ms-excel"),
                            FrameFile.of(data),
                            null));
            assertThat(unsupported.status()).isEqualTo(415);
            assertThat(unsupported.detail()).contains("Part 'historic'");
        }

        private void await(JobSubmission submission) {
            client.jobs()
                    .waitForJob(submission.jobId(), Duration.ofSeconds(120))
                    .requireCompleted();
        }

        private DataFrame prediction(JobSubmission submission) {
            return client.artifacts()
                    .get(submission.artifactId(), PredictionArtifactData.class)
                    .data()
                    .content();
        }

        private Path write(String name, String text, boolean gzip) throws IOException {
            Path file = dir.resolve(name);
            try (OutputStream out =
                    gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return file;
        }
    }

    /** The sample data as CSV: its cells are numbers, nulls and plain words, so no quoting is needed. */
    static String csv(DataFrame frame) {
        StringBuilder csv = new StringBuilder(String.join(",", frame.columns())).append("\r\n");
        for (List<Object> row : frame.data()) {
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                csv.append(i == 0 ? "" : ",").append(cell == null ? "" : cell.toString());
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }
}

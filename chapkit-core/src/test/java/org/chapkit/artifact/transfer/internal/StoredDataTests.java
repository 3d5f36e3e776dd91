package org.chapkit.artifact.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.NotFoundException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link StoredData} and {@link ArtifactFrames} on H2 and PostgreSQL: the stored data of an artifact read as a head,
 * parsed from one read or streamed when large, and the DataFrames among artifacts found and read row by row.
 */
class StoredDataTests {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(StoreDatabase.h2());
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(StoreDatabase.postgres());
        }
    }

    abstract static class Contract extends StoreContract {

        private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");

        final ArtifactRepository repository;
        final StoredData data;
        final ArtifactFrames frames;

        Contract(StoreDatabase database) {
            super(database);
            this.repository = new ArtifactRepository(database.jdbc(), StoreDatabase.MAPPER);
            this.data =
                    new StoredData(database.jdbc(), StoreDatabase.MAPPER, database.dataSource(), ChapkitTables.DEFAULT);
            this.frames = new ArtifactFrames(repository, data);
        }

        @Test
        void theHeadOfTheDataIsItsFirstCharacters() {
            StoredArtifact artifact = insert(null, 0, "{\"name\":\"a model\"}");

            assertThat(data.head(artifact.id(), 8)).contains("{\"name\":");
            assertThat(data.head(artifact.id(), 1000)).contains("{\"name\":\"a model\"}");
            assertThat(data.head(Ulids.newUlid(), 8)).isEmpty();
        }

        @Test
        void smallDataIsParsedFromOneRead() {
            StoredArtifact artifact = insert(null, 0, "{\"rows\":[[1,2],[3,4]]}");

            try (JsonParser parser = data.open(artifact.id()).orElseThrow()) {
                assertThat((JsonNode) StoreDatabase.MAPPER.readTree(parser)).isEqualTo(artifact.data());
            }
            assertThat(data.open(Ulids.newUlid())).isEmpty();
        }

        @Test
        void dataLargerThanAWholeReadIsStreamedToTheSameTokens() {
            StringBuilder json = new StringBuilder("{\"rows\":[");
            int rows = 0;
            while (json.length() <= StoredData.WHOLE_READ_BYTES + 1000) {
                json.append(rows == 0 ? "" : ",")
                        .append("[\"row-")
                        .append(rows)
                        .append("\",")
                        .append(rows)
                        .append(']');
                rows++;
            }
            json.append("]}");
            StoredArtifact artifact = insert(null, 0, json.toString());
            assertThat(json.toString().getBytes(StandardCharsets.UTF_8).length)
                    .isGreaterThan(StoredData.WHOLE_READ_BYTES);

            int read = 0;
            String last = null;
            try (JsonParser parser = data.open(artifact.id()).orElseThrow()) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(parser.nextName()).isEqualTo("rows");
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_ARRAY) {
                    last = parser.nextStringValue();
                    parser.nextToken();
                    assertThat(parser.getIntValue()).isEqualTo(read);
                    parser.nextToken();
                    read++;
                }
            }
            assertThat(read).isEqualTo(rows);
            assertThat(last).isEqualTo("row-" + (rows - 1));
        }

        @Test
        void theFrameDescendantsAreFoundByDepthThenIdAndReadRowByRow() {
            StoredArtifact root = insert(null, 0, frame("[[\"r\",0]]"));
            StoredArtifact notAFrame = insert(root.id(), 1, "{\"content\":{\"a\":1}}");
            List<String> children = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                children.add(insert(root.id(), 1, frame("[[\"c" + i + "\"," + i + "]]"))
                        .id());
            }
            StoredArtifact grandchild = insert(notAFrame.id(), 2, frame("[[\"g\",9]]"));
            List<String> expected = new ArrayList<>(children.stream().sorted().toList());
            expected.add(grandchild.id());

            assertThat(frames.frameDescendants(root.id())).containsExactlyElementsOf(expected);

            TabularSource source = frames.frames(expected, "artifact_id");
            assertThat(source.columns()).containsExactly("location", "value");
            assertThat(source.parts()).isEqualTo(3);
            assertThat(source.label(2)).isEqualTo(grandchild.id());
            try (JsonParser rows = source.openRows(2)) {
                assertThat((JsonNode) rows.readValueAsTree()).isEqualTo(StoreDatabase.MAPPER.readTree("[[\"g\",9]]"));
            }
        }

        @Test
        void onlyDataFramesWithTheSameColumnsAreReadAsOneTable() {
            StoredArtifact frame = insert(null, 0, frame("[[\"a\",1]]"));
            StoredArtifact other = insert(
                    null,
                    0,
                    "{\"content_type\":\"application/vnd.chapkit.dataframe+json\",\"content\":"
                            + "{\"columns\":[\"x\"],\"data\":[[1]]}}");
            StoredArtifact plain = insert(null, 0, "{\"content\":{\"a\":1}}");

            assertThatThrownBy(() -> frames.frames(List.of(frame.id(), other.id()), null))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("only frames with the same columns");
            assertThatThrownBy(() -> frames.frames(List.of(plain.id()), null))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("does not hold a DataFrame");
            assertThatThrownBy(() -> frames.frames(List.of(Ulids.newUlid()), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> frames.frameDescendants(Ulids.newUlid())).isInstanceOf(NotFoundException.class);
        }

        private static String frame(String rows) {
            return "{\"content_type\":\"application/vnd.chapkit.dataframe+json\",\"content\":"
                    + "{\"columns\":[\"location\",\"value\"],\"data\":" + rows + "}}";
        }

        private StoredArtifact insert(String parentId, int level, String json) {
            StoredArtifact artifact = new StoredArtifact(
                    Ulids.newUlid(),
                    parentId,
                    level,
                    List.of(),
                    (ObjectNode) StoreDatabase.MAPPER.readTree(json),
                    NOW,
                    NOW,
                    1,
                    null);
            repository.insert(artifact);
            return artifact;
        }
    }
}

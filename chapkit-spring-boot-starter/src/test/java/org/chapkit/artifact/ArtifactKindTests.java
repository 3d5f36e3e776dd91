package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.OptionalLong;
import org.chapkit.StoredConfigsAndArtifacts;
import org.chapkit.problem.NotFoundException;
import org.chapkit.taskrun.TaskResult;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Typed artifact kinds: {@code create(kind, …)} writes the record, {@code read(kind, id)} binds it back. */
class ArtifactKindTests {

    /** A kind of the test: a {@code type} discriminator and one field. */
    record Note(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text) {
        static final ArtifactKind<Note> KIND = new ArtifactKind<>("note", Note.class);
    }

    /** Another kind with the same shape, told apart only by its type. */
    record Memo(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text) {
        static final ArtifactKind<Memo> KIND = new ArtifactKind<>("memo", Memo.class);
    }

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @Autowired
        ArtifactManager artifacts;

        @Autowired
        JdbcClient jdbc;

        @BeforeEach
        void clean() {
            StoredConfigsAndArtifacts.deleteAll(jdbc);
        }

        @Test
        void createWritesTheRecordAsDataAndReadBindsItBack() {
            StoredArtifact root = artifacts.create(Note.KIND, null, null, new Note("note", "hello"), List.of("t"));
            StoredArtifact child = artifacts.create(Memo.KIND, null, root.id(), new Memo("memo", "below"), null);

            assertThat(root.data().toString()).isEqualTo("{\"type\":\"note\",\"text\":\"hello\"}");
            TypedArtifact<Note> read = artifacts.read(Note.KIND, root.id());
            assertThat(read.data()).isEqualTo(new Note("note", "hello"));
            assertThat(read.id()).isEqualTo(root.id());
            assertThat(read.artifact().tags()).containsExactly("t");
            assertThat(artifacts.read(Memo.KIND, child.id()).artifact().level()).isEqualTo(1);
        }

        @Test
        void readingAsAnotherKindIsABadRequestAndAMissingArtifactIsNotFound() {
            StoredArtifact note = artifacts.create(Note.KIND, null, null, new Note("note", "x"), null);
            StoredArtifact untyped = artifacts.create(null, null, List.of(1, 2), null);

            assertThatThrownBy(() -> artifacts.read(Memo.KIND, note.id()))
                    .isInstanceOf(WrongArtifactKindException.class)
                    .hasMessage("Artifact " + note.id() + " is not a memo artifact");
            assertThatThrownBy(() -> artifacts.read(Note.KIND, untyped.id()))
                    .isInstanceOf(WrongArtifactKindException.class);
            assertThatThrownBy(() -> artifacts.read(Note.KIND, "01K72P5N5KCRM6MD3BRE4P0999"))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void dataThatClaimsTheKindButDoesNotBindIsNotOfIt() {
            StoredArtifact wrongShape = artifacts.create(
                    null, null, JsonMapper.builder().build().readTree("{\"type\":\"note\",\"text\":{\"a\":1}}"), null);

            assertThatThrownBy(() -> artifacts.read(Note.KIND, wrongShape.id()))
                    .isInstanceOf(WrongArtifactKindException.class)
                    .hasCauseInstanceOf(tools.jackson.core.JacksonException.class);
        }

        @Test
        void createRefusesARecordThatDoesNotWriteTheKindsType() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> artifacts.create(Note.KIND, null, null, new Note("memo", "x"), null))
                    .withMessageContaining("does not write data of kind note");
            assertThat(artifacts.count()).isZero();
        }

        @Test
        void aKindWithoutTypeReadsAnyObjectThatBindsWithItsRequiredProperties() {
            StoredArtifact result =
                    artifacts.create(TaskResult.KIND, null, null, new TaskResult("t", null, null, null), null);
            StoredArtifact other = artifacts.create(null, null, java.util.Map.of("a", 1), null);

            assertThat(result.data().toString())
                    .isEqualTo("{\"task_name\":\"t\",\"params\":null,\"result\":null,\"error\":null}");
            assertThat(artifacts.read(TaskResult.KIND, result.id()).data().taskName())
                    .isEqualTo("t");
            assertThatThrownBy(() -> artifacts.read(TaskResult.KIND, other.id()))
                    .isInstanceOf(WrongArtifactKindException.class);
            artifacts.delete(result.id(), OptionalLong.empty());
        }
    }
}

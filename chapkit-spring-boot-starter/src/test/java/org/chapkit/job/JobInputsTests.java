package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.chapkit.id.Ulids;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** {@link JobInputs}: a job's input is stored once beside it, survives re-runs, and goes with the job. */
class JobInputsTests {

    /** A stand-in for a request with a data set. */
    record Rows(@JsonProperty("rows") List<List<Object>> rows) {}

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @Autowired
        DataSource dataSource;

        JobStore store;
        JobInputs inputs;
        JdbcClient jdbc;

        @BeforeEach
        void create() {
            store = new JobStore(dataSource);
            inputs = new JobInputs(dataSource, JsonMapper.builder().build(), Clock.systemUTC());
            jdbc = JdbcClient.create(dataSource);
        }

        static Rows rows(int count) {
            return new Rows(java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> List.<Object>of("2020-" + i, "location", i * 1.5))
                    .toList());
        }

        @Test
        void anInputIsStoredCompressedAndReadBackIntoItsType() {
            String id = Ulids.newUlid();
            store.insert(id, "test.sleep", "{}", Instant.now(), null);
            Rows value = rows(500);
            JobInputs.Encoded encoded = inputs.encode(value);
            inputs.store(id, encoded);

            assertThat(inputs.read(id, Rows.class)).contains(value);
            long json = JsonMapper.builder().build().writeValueAsBytes(value).length;
            assertThat(jdbc.sql("SELECT size FROM job_inputs WHERE job_id = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(encoded.content().length)
                    .isLessThan(json / 4);
            store.delete(id);
        }

        @Test
        void aJobClaimedAgainAfterARequeueFindsItsInputOnAnotherInstance() {
            String id = Ulids.newUlid();
            store.insert(id, "test.sleep", "{}", Instant.now(), null);
            inputs.store(id, inputs.encode(rows(3)));
            store.claim(id, "instance-a", Instant.now());
            assertThat(inputs.read(id, Rows.class)).isPresent();
            store.requeue(id); // the instance stopped before the job ended

            JobInputs other = new JobInputs(dataSource, JsonMapper.builder().build(), Clock.systemUTC());
            assertThat(store.claim(id, "instance-b", Instant.now())).isPresent();
            assertThat(other.read(id, Rows.class)).contains(rows(3));
            assertThat(other.delete(id)).isTrue();
            assertThat(other.read(id, Rows.class)).isEmpty();
            assertThat(other.delete(id)).isFalse();
            store.delete(id);
        }

        @Test
        void deletingTheJobRecordDeletesItsInput() {
            String id = Ulids.newUlid();
            store.insert(id, "test.sleep", "{}", Instant.now(), null);
            inputs.store(id, inputs.encode(rows(3)));

            store.delete(id);

            assertThat(inputs.read(id, Rows.class)).isEmpty();
        }
    }
}

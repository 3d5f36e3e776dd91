package org.chapkit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the config and artifact tables between tests that share one application context. */
public final class StoredConfigsAndArtifacts {

    private StoredConfigsAndArtifacts() {}

    /**
     * Deletes every config, artifact and link between them; parents are detached first, so the artifact tree's
     * foreign key never blocks the delete.
     */
    public static void deleteAll(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM config_artifacts").update();
        jdbc.sql("UPDATE artifacts SET parent_id = NULL").update();
        jdbc.sql("DELETE FROM artifacts").update();
        jdbc.sql("DELETE FROM configs").update();
    }
}

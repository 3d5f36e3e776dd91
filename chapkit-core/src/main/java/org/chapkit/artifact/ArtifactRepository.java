package org.chapkit.artifact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the {@code artifacts} and {@code config_artifacts} tables. Trees are read with one recursive
 * query each, never one query per node.
 */
public class ArtifactRepository {

    private static final String COLUMNS = "a.id, a.parent_id, a.level, a.data, a.tags, a.version, a.created_at, "
            + "a.updated_at, c.id AS content_id, c.size AS content_size, c.chunks AS content_chunks, "
            + "c.head AS content_head, c.storage AS content_storage, c.sha256 AS content_sha256";
    private static final String FROM = " FROM artifacts a LEFT JOIN artifact_contents c ON c.artifact_id = a.id ";
    private static final String SUBTREE = "WITH RECURSIVE tree (id, depth) AS ("
            + "SELECT id, 0 FROM artifacts WHERE id = ? "
            + "UNION ALL SELECT x.id, t.depth + 1 FROM artifacts x JOIN tree t ON x.parent_id = t.id) ";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    /**
     * @param jdbc the database (qualifying its statements for chapkit's schema, see {@link
     *     org.chapkit.db.ChapkitTables#jdbc})
     * @param mapper reads and writes the JSON columns
     */
    public ArtifactRepository(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Inserts a new row (content is written separately). */
    public void insert(StoredArtifact artifact) {
        jdbc.sql("INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        artifact.id(),
                        artifact.parentId(),
                        artifact.level(),
                        mapper.writeValueAsString(artifact.data()),
                        mapper.writeValueAsString(artifact.tags()),
                        artifact.version(),
                        UtcTimestamps.column(artifact.createdAt()),
                        UtcTimestamps.column(artifact.updatedAt()))
                .update();
    }

    /** Records that a job produced {@code artifactId}; a second seal of the same artifact fails. */
    public void insertSeal(ArtifactSeal seal) {
        jdbc.sql("INSERT INTO artifact_seals (artifact_id, job_id, content_sha256, sealed_at) VALUES (?, ?, ?, ?)")
                .params(seal.artifactId(), seal.jobId(), seal.contentSha256(), UtcTimestamps.column(seal.sealedAt()))
                .update();
    }

    /** The seal of {@code artifactId}, if a job produced it. */
    public Optional<ArtifactSeal> findSeal(String artifactId) {
        return jdbc.sql(
                        "SELECT artifact_id, job_id, content_sha256, sealed_at FROM artifact_seals WHERE artifact_id = ?")
                .param(artifactId)
                .query((rs, row) -> new ArtifactSeal(
                        rs.getString("artifact_id"),
                        rs.getString("job_id"),
                        rs.getString("content_sha256"),
                        UtcTimestamps.read(rs, "sealed_at")))
                .optional();
    }

    /** Overwrites a row if it is still at {@code expectedVersion}; false when it is not (or gone). */
    public boolean update(StoredArtifact artifact, long expectedVersion) {
        return jdbc.sql("UPDATE artifacts SET parent_id = ?, level = ?, data = ?, tags = ?, version = ?, "
                                + "updated_at = ? WHERE id = ? AND version = ?")
                        .params(
                                artifact.parentId(),
                                artifact.level(),
                                mapper.writeValueAsString(artifact.data()),
                                mapper.writeValueAsString(artifact.tags()),
                                artifact.version(),
                                UtcTimestamps.column(artifact.updatedAt()),
                                artifact.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /** The artifact with {@code id}. */
    public Optional<StoredArtifact> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE a.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The artifact with {@code id}, its row locked until the transaction ends. */
    public Optional<StoredArtifact> findByIdForUpdate(String id) {
        boolean exists = !jdbc.sql("SELECT id FROM artifacts WHERE id = ? FOR UPDATE")
                .param(id)
                .query(String.class)
                .list()
                .isEmpty();
        return exists ? findById(id) : Optional.empty();
    }

    /** Every artifact, in id order. */
    public List<StoredArtifact> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "ORDER BY a.id")
                .query(this::map)
                .list();
    }

    /** A slice of the artifacts in id order. */
    public List<StoredArtifact> findPage(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "ORDER BY a.id LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(this::map)
                .list();
    }

    /** Number of artifacts. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM artifacts").query(Long.class).single();
    }

    /** The subtree rooted at {@code id}, the root first, then by depth and id. Empty when there is no such id. */
    public List<StoredArtifact> subtree(String id) {
        return jdbc.sql(SUBTREE + "SELECT " + COLUMNS + FROM + "JOIN tree t ON t.id = a.id ORDER BY t.depth, a.id")
                .param(id)
                .query(this::map)
                .list();
    }

    /** Ids of the subtree rooted at {@code id} by depth below it (0 for the root itself). */
    public Map<Integer, List<String>> subtreeIdsByDepth(String id) {
        Map<Integer, List<String>> byDepth = new TreeMap<>();
        jdbc.sql(SUBTREE + "SELECT id, depth FROM tree").param(id).query(rs -> {
            byDepth.computeIfAbsent(rs.getInt("depth"), d -> new ArrayList<>()).add(rs.getString("id"));
        });
        return byDepth;
    }

    /** The id of the root of the tree {@code id} belongs to. */
    public Optional<String> rootOf(String id) {
        return jdbc.sql("WITH RECURSIVE up (id, parent_id, depth) AS ("
                        + "SELECT id, parent_id, 0 FROM artifacts WHERE id = ? "
                        + "UNION ALL SELECT x.id, x.parent_id, u.depth + 1 FROM artifacts x JOIN up u "
                        + "ON x.id = u.parent_id) SELECT id FROM up WHERE parent_id IS NULL")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Sets the level of the given artifacts. */
    public void setLevel(Collection<String> ids, int level) {
        for (List<String> batch : batches(ids)) {
            jdbc.sql("UPDATE artifacts SET level = :level WHERE id IN (:ids)")
                    .param("level", level)
                    .param("ids", batch)
                    .update();
        }
    }

    /** Ids of the direct children of {@code id}. */
    public List<String> childrenOf(String id) {
        return jdbc.sql("SELECT id FROM artifacts WHERE parent_id = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list();
    }

    /** Deletes the given artifacts (their content and links go with them). */
    public void delete(Collection<String> ids) {
        for (List<String> batch : batches(ids)) {
            jdbc.sql("UPDATE artifacts SET parent_id = NULL WHERE id IN (:ids)")
                    .param("ids", batch)
                    .update();
        }
        for (List<String> batch : batches(ids)) {
            jdbc.sql("DELETE FROM artifacts WHERE id IN (:ids)")
                    .param("ids", batch)
                    .update();
        }
    }

    /** Links a root artifact to a config. */
    public void link(String configId, String artifactId) {
        jdbc.sql("INSERT INTO config_artifacts (config_id, artifact_id) VALUES (?, ?)")
                .params(configId, artifactId)
                .update();
    }

    /** Removes the link of {@code artifactId} to {@code configId}; false when there was none. */
    public boolean unlink(String configId, String artifactId) {
        return jdbc.sql("DELETE FROM config_artifacts WHERE config_id = ? AND artifact_id = ?")
                        .params(configId, artifactId)
                        .update()
                == 1;
    }

    /** The config an artifact is linked to directly. */
    public Optional<String> configOf(String artifactId) {
        return jdbc.sql("SELECT config_id FROM config_artifacts WHERE artifact_id = ?")
                .param(artifactId)
                .query(String.class)
                .optional();
    }

    /** The root artifacts linked to a config, in id order. */
    public List<StoredArtifact> linkedTo(String configId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM
                        + "JOIN config_artifacts l ON l.artifact_id = a.id WHERE l.config_id = ? ORDER BY a.id")
                .param(configId)
                .query(this::map)
                .list();
    }

    private StoredArtifact map(ResultSet rs, int row) throws SQLException {
        String contentId = rs.getString("content_id");
        ContentInfo content = contentId == null
                ? null
                : new ContentInfo(
                        contentId,
                        rs.getLong("content_size"),
                        rs.getInt("content_chunks"),
                        rs.getBytes("content_head"),
                        rs.getString("content_storage"),
                        rs.getString("content_sha256"));
        return new StoredArtifact(
                rs.getString("id"),
                rs.getString("parent_id"),
                rs.getInt("level"),
                mapper.readValue(rs.getString("tags"), STRINGS),
                mapper.readTree(rs.getString("data")),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"),
                rs.getLong("version"),
                content);
    }

    private static List<List<String>> batches(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            batches.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return batches;
    }
}

package org.chapkit.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code cluster_members}, {@code cluster_epoch} and {@code cluster_leadership} tables. The epoch lives in one
 * row: a new leader increments it, and a fenced write reads it {@code FOR UPDATE} in its own transaction, so the write
 * and a takeover cannot interleave.
 */
public class ClusterStore {

    private static final String MEMBER_COLUMNS =
            "instance_id, host, port, version, roles, state, started_at, last_heartbeat";

    private final JdbcClient jdbc;

    /** @param jdbc the chapkit schema's client */
    public ClusterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers (or re-registers after a restart) a member as alive. */
    public void register(ClusterMember member) {
        int updated = jdbc.sql("UPDATE cluster_members SET host = ?, port = ?, version = ?, roles = ?, state = ?, "
                        + "started_at = ?, last_heartbeat = ? WHERE instance_id = ?")
                .params(
                        member.host(),
                        member.port(),
                        member.version(),
                        String.join(",", member.roles()),
                        MemberState.ALIVE.name(),
                        UtcTimestamps.column(member.startedAt()),
                        UtcTimestamps.column(member.lastHeartbeat()),
                        member.instanceId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO cluster_members (" + MEMBER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            member.instanceId(),
                            member.host(),
                            member.port(),
                            member.version(),
                            String.join(",", member.roles()),
                            MemberState.ALIVE.name(),
                            UtcTimestamps.column(member.startedAt()),
                            UtcTimestamps.column(member.lastHeartbeat()))
                    .update();
        }
    }

    /** What a member's heartbeat found. */
    public enum Heartbeat {
        /** Recorded: the member is alive. */
        RECORDED,
        /** Not recorded: the others declared the member dead; it must fence itself before it rejoins. */
        DECLARED_DEAD,
        /** Not recorded: the member has no row (it must register again). */
        UNKNOWN
    }

    /**
     * Records a heartbeat of a member that is not declared dead (a member that had left is alive again). A member
     * declared dead is not revived by its heartbeat: it fences itself first and {@link #register registers} again.
     */
    public Heartbeat heartbeat(String instanceId, Instant now) {
        int updated = jdbc.sql("UPDATE cluster_members SET last_heartbeat = ?, state = ? WHERE instance_id = ?"
                        + " AND state <> ?")
                .params(UtcTimestamps.column(now), MemberState.ALIVE.name(), instanceId, MemberState.DEAD.name())
                .update();
        if (updated == 1) {
            return Heartbeat.RECORDED;
        }
        return jdbc.sql("SELECT state FROM cluster_members WHERE instance_id = ?")
                .param(instanceId)
                .query(String.class)
                .optional()
                .map(state -> Heartbeat.DECLARED_DEAD)
                .orElse(Heartbeat.UNKNOWN);
    }

    /** The members declared dead. */
    public List<ClusterMember> deadMembers() {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM cluster_members WHERE state = ? ORDER BY instance_id")
                .param(MemberState.DEAD.name())
                .query(ClusterStore::member)
                .list();
    }

    /**
     * Declares dead every other alive member whose last heartbeat is before {@code cutoff}.
     *
     * @return the members declared dead
     */
    public List<String> declareDead(String by, Instant cutoff) {
        List<String> stale = jdbc.sql(
                        "SELECT instance_id FROM cluster_members WHERE state = ? AND instance_id <> ? AND last_heartbeat < ?")
                .params(MemberState.ALIVE.name(), by, UtcTimestamps.column(cutoff))
                .query(String.class)
                .list();
        return stale.stream()
                .filter(id -> jdbc.sql("UPDATE cluster_members SET state = ? WHERE instance_id = ? AND state = ? "
                                        + "AND last_heartbeat < ?")
                                .params(
                                        MemberState.DEAD.name(),
                                        id,
                                        MemberState.ALIVE.name(),
                                        UtcTimestamps.column(cutoff))
                                .update()
                        == 1)
                .toList();
    }

    /** Marks a member as gone after a graceful shutdown. */
    public void leave(String instanceId) {
        jdbc.sql("UPDATE cluster_members SET state = ? WHERE instance_id = ?")
                .params(MemberState.LEFT.name(), instanceId)
                .update();
    }

    /** Every member, alive first, then by id. */
    public List<ClusterMember> members() {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM cluster_members ORDER BY "
                        + "CASE state WHEN 'ALIVE' THEN 0 WHEN 'DEAD' THEN 1 ELSE 2 END, instance_id")
                .query(ClusterStore::member)
                .list();
    }

    /** The current epoch (0 before the first leader). */
    public long currentEpoch() {
        return jdbc.sql("SELECT epoch FROM cluster_epoch WHERE id = 1")
                .query(Long.class)
                .single();
    }

    /**
     * Starts a new term for {@code leaderId}: increments the epoch and records the term. Call only while holding the
     * leader lock, in a transaction.
     *
     * @return the new epoch
     */
    public long startTerm(String leaderId, Instant now) {
        long epoch = jdbc.sql("SELECT epoch FROM cluster_epoch WHERE id = 1 FOR UPDATE")
                        .query(Long.class)
                        .single()
                + 1;
        jdbc.sql("UPDATE cluster_epoch SET epoch = ?, leader_id = ?, since = ? WHERE id = 1")
                .params(epoch, leaderId, UtcTimestamps.column(now))
                .update();
        jdbc.sql("INSERT INTO cluster_leadership (epoch, leader_id, acquired_at) VALUES (?, ?, ?)")
                .params(epoch, leaderId, UtcTimestamps.column(now))
                .update();
        return epoch;
    }

    /** Ends the term {@code epoch} (a no-op for a term already ended). */
    public void endTerm(long epoch, Instant now) {
        jdbc.sql("UPDATE cluster_leadership SET released_at = ? WHERE epoch = ? AND released_at IS NULL")
                .params(UtcTimestamps.column(now), epoch)
                .update();
    }

    /**
     * Checks, in the caller's transaction, that {@code epoch} is still the current one, and holds the epoch row until
     * the transaction ends, so no new term can start before the caller's write commits.
     *
     * @throws StaleEpochException when a newer term has started
     */
    public void requireEpoch(long epoch) {
        long current = jdbc.sql("SELECT epoch FROM cluster_epoch WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
        if (current != epoch) {
            throw new StaleEpochException(epoch, current);
        }
    }

    /** The current term, if a leader has ever been elected. */
    public Optional<Leadership> currentTerm() {
        return jdbc.sql("SELECT epoch, leader_id, acquired_at, released_at FROM cluster_leadership "
                        + "WHERE epoch = (SELECT epoch FROM cluster_epoch WHERE id = 1)")
                .query(ClusterStore::term)
                .optional();
    }

    /** The latest {@code limit} terms, newest first. */
    public List<Leadership> history(int limit) {
        return jdbc.sql("SELECT epoch, leader_id, acquired_at, released_at FROM cluster_leadership "
                        + "ORDER BY epoch DESC LIMIT ?")
                .param(limit)
                .query(ClusterStore::term)
                .list();
    }

    private static ClusterMember member(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        return new ClusterMember(
                rs.getString("instance_id"),
                rs.getString("host"),
                rs.getInt("port"),
                rs.getString("version"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                MemberState.valueOf(rs.getString("state")),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "last_heartbeat"));
    }

    private static Leadership term(ResultSet rs, int row) throws SQLException {
        return new Leadership(
                rs.getLong("epoch"),
                rs.getString("leader_id"),
                UtcTimestamps.read(rs, "acquired_at"),
                rs.getObject("released_at") == null ? null : UtcTimestamps.read(rs, "released_at"));
    }
}

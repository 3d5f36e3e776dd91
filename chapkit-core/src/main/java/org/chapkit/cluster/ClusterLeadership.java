package org.chapkit.cluster;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * This instance's side of leader election. The election itself runs on a lock engine (the starter uses Spring
 * Integration's JDBC lock registry and leader initiator), which calls {@link #granted()} and {@link #revoked()}; each
 * grant starts a new term with the next epoch, stored in the database. Leader-only work runs through {@link
 * #fenced} or {@link #runIfLeader}: the epoch is checked in the write's transaction, so a leader that was paused past
 * its lock's expiry cannot write after a newer leader took over.
 */
public class ClusterLeadership {

    private static final Logger log = LoggerFactory.getLogger(ClusterLeadership.class);

    private final ClusterStore store;
    private final String instanceId;
    private final TransactionOperations transactions;
    private final Clock clock;
    private volatile long epoch;
    private volatile boolean leader;

    /**
     * @param store the cluster tables
     * @param instanceId this instance
     * @param transactions runs each term change and fenced write in one transaction
     * @param clock source of term timestamps
     */
    public ClusterLeadership(ClusterStore store, String instanceId, TransactionOperations transactions, Clock clock) {
        this.store = store;
        this.instanceId = instanceId;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Called by the election engine when this instance becomes leader: starts a new term. */
    public void granted() {
        long next = transactions.execute(status -> store.startTerm(instanceId, UtcTimestamps.now(clock)));
        epoch = next;
        leader = true;
        log.info("{} is the cluster leader (epoch {})", instanceId, next);
    }

    /** Called by the election engine when this instance stops being leader: ends its term. */
    public void revoked() {
        if (!leader) {
            return;
        }
        leader = false;
        long ended = epoch;
        try {
            transactions.executeWithoutResult(status -> store.endTerm(ended, UtcTimestamps.now(clock)));
        } catch (RuntimeException ex) {
            log.warn("Could not record the end of term {}: {}", ended, ex.getMessage());
        }
        log.info("{} is no longer the cluster leader (epoch {})", instanceId, ended);
    }

    /** This instance's id. */
    public String instanceId() {
        return instanceId;
    }

    /** Whether this instance believes it leads (the epoch check of each write decides). */
    public boolean isLeader() {
        return leader;
    }

    /** The epoch of this instance's current term; empty when it does not lead. */
    public OptionalLong epoch() {
        return leader ? OptionalLong.of(epoch) : OptionalLong.empty();
    }

    /**
     * Runs a leader-only write in one transaction that first checks {@code epoch} is still the current one and holds
     * it until commit.
     *
     * @throws StaleEpochException when a newer term has started; nothing is written
     */
    public <T> T fenced(long epoch, Supplier<T> write) {
        return transactions.execute(status -> {
            store.requireEpoch(epoch);
            return write.get();
        });
    }

    /**
     * Runs {@code work} when this instance leads and its epoch is still current (checked just before, in its own
     * short transaction; for work outside the database, such as deleting stored objects, which must be idempotent).
     *
     * @return whether it ran
     */
    public boolean runIfLeader(LongConsumer work) {
        OptionalLong current = epoch();
        if (current.isEmpty()) {
            return false;
        }
        try {
            fenced(current.getAsLong(), () -> null);
        } catch (StaleEpochException ex) {
            log.warn("{}: {}", instanceId, ex.getMessage());
            leader = false;
            return false;
        }
        work.accept(current.getAsLong());
        return true;
    }

    /** The cluster as the database has it, seen from {@code membership}'s instance. */
    public ClusterView view(ClusterMembership membership, int historySize) {
        return new ClusterView(
                membership.instanceId(),
                membership.members(),
                store.currentTerm().orElse(null),
                store.currentEpoch(),
                store.history(historySize));
    }
}

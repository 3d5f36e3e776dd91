package org.chapkit.autoconfigure.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterMember;
import org.chapkit.cluster.ClusterMembership;
import org.chapkit.cluster.ClusterRole;
import org.chapkit.cluster.ClusterRoles;
import org.chapkit.cluster.ClusterStore;
import org.chapkit.cluster.DeadMemberRecovery;
import org.chapkit.cluster.LeaderOnlyWork;
import org.chapkit.cluster.MemberState;
import org.chapkit.cluster.SelfFencing;
import org.chapkit.cluster.internal.ClusterController;
import org.chapkit.job.JobManager;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.sse.SseStreamer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster membership and leader election when {@code chapkit.cluster.enabled=true}: the instance registers in
 * {@code cluster_members} and heartbeats ({@link ClusterMembership}); the leader is elected with Spring Integration's
 * {@link JdbcLockRegistry} on {@code cluster_lock} and its {@link LockRegistryLeaderInitiator}, and every term gets
 * the next epoch ({@link ClusterLeadership}); {@code GET /api/v1/cluster} and the {@code cluster} health contributor
 * show it.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitJobsAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class
        })
@ConditionalOnClass(LockRegistryLeaderInitiator.class)
@ConditionalOnBean({ChapkitSchema.class, JdbcClient.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "chapkit.cluster.enabled")
@EnableConfigurationProperties(ChapkitClusterProperties.class)
public final class ChapkitClusterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClusterStore chapkitClusterStore(ChapkitSchema schema, JdbcClient jdbc) {
        return new ClusterStore(schema.tables().jdbc(jdbc));
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterRoles chapkitClusterRoles(ChapkitClusterProperties properties) {
        return ClusterRoles.of(properties.roles());
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterMembership chapkitClusterMembership(
            ClusterStore store,
            ClusterRoles roles,
            ChapkitClusterProperties properties,
            ObjectProvider<JobManager> jobs,
            ObjectProvider<Clock> clock,
            Environment environment) {
        String host = hostName();
        String instanceId = jobs.stream()
                .map(manager -> manager.settings().instanceName())
                .findFirst()
                .orElseGet(() ->
                        host + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        ClusterMember self = new ClusterMember(
                instanceId,
                host,
                0,
                environment.getProperty("chapkit.service.version", "unknown"),
                roles.ids(),
                MemberState.ALIVE,
                null,
                null);
        return new ClusterMembership(
                store,
                self,
                () -> environment.getProperty("local.server.port", Integer.class, 0),
                properties.heartbeatInterval(),
                properties.missedHeartbeats(),
                clock.getIfAvailable(Clock::systemUTC),
                jobs.stream()
                        .findFirst()
                        .<SelfFencing>map(JobSystemFencing::new)
                        .orElse(SelfFencing.NONE));
    }

    /** The leader's recovery of dead members' jobs, run after each heartbeat of this instance. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JobManager.class)
    DeadMemberRecovery chapkitDeadMemberRecovery(
            ClusterStore store,
            ClusterMembership membership,
            ClusterLeadership leadership,
            JobManager jobs,
            ObjectProvider<Clock> clock) {
        DeadMemberRecovery recovery = new DeadMemberRecovery(
                store, leadership, jobs, membership.deadAfter(), clock.getIfAvailable(Clock::systemUTC));
        membership.onBeat(recovery);
        return recovery;
    }

    /**
     * The cluster-wide singletons ({@code RecurringWork} beans: schedule firing, event retention, the artifact content
     * sweep) on the leader only; the job system starts and stops them.
     */
    @Bean
    @ConditionalOnMissingBean
    LeaderOnlyWork chapkitLeaderOnlyWork(ClusterLeadership leadership) {
        return new LeaderOnlyWork(leadership);
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterLifecycle chapkitClusterLifecycle(
            ClusterMembership membership,
            ClusterLeadership leadership,
            @Qualifier("chapkitClusterLeaderInitiator") ObjectProvider<LockRegistryLeaderInitiator> initiator,
            ApplicationEventPublisher events,
            ObjectProvider<ChapCoreRegistration> registration) {
        return new ClusterLifecycle(
                membership,
                leadership,
                initiator::getIfAvailable,
                events,
                () -> registration.ifAvailable(ChapCoreRegistration::close));
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterLeadership chapkitClusterLeadership(
            ClusterStore store,
            ClusterMembership membership,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock) {
        return new ClusterLeadership(
                store,
                membership.instanceId(),
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitClusterLockRepository")
    DefaultLockRepository chapkitClusterLockRepository(
            DataSource dataSource,
            ChapkitSchema schema,
            ClusterMembership membership,
            PlatformTransactionManager transactionManager) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, membership.instanceId());
        repository.setPrefix(schema.tables().table("cluster_"));
        repository.setTransactionManager(transactionManager);
        return repository;
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitClusterLeaderInitiator")
    LockRegistryLeaderInitiator chapkitClusterLeaderInitiator(
            DefaultLockRepository chapkitClusterLockRepository,
            ClusterMembership membership,
            ClusterLeadership leadership,
            ClusterRoles roles,
            ChapkitClusterProperties properties) {
        JdbcLockRegistry locks = new JdbcLockRegistry(chapkitClusterLockRepository, properties.leaderLockTtl());
        LockRegistryLeaderInitiator initiator =
                new LockRegistryLeaderInitiator(locks, new LeaderCandidate(membership.instanceId(), leadership));
        initiator.setHeartBeatMillis(properties.leaderHeartbeat().toMillis());
        initiator.setBusyWaitMillis(properties.leaderBusyWait().toMillis());
        // Only instances with the scheduler role stand for election.
        initiator.setAutoStartup(roles.has(ClusterRole.SCHEDULER));
        return initiator;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(SseStreamer.class)
    ClusterController chapkitClusterController(
            ClusterMembership membership, ClusterLeadership leadership, SseStreamer streamer) {
        return new ClusterController(membership, leadership, streamer);
    }

    @Bean
    @ConditionalOnMissingBean(name = "jobsHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("jobs")
    JobSystemHealthIndicator jobsHealthIndicator(ObjectProvider<JobManager> jobs) {
        return new JobSystemHealthIndicator(jobs::getIfAvailable);
    }

    @Bean
    @ConditionalOnMissingBean(name = "clusterHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("cluster")
    ClusterHealthIndicator clusterHealthIndicator(ClusterMembership membership, ClusterLeadership leadership) {
        return new ClusterHealthIndicator(membership, leadership);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            return "localhost";
        }
    }
}

package io.slotgate.proxy.readpolicy;

import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ReadPreference;
import io.slotgate.proxy.config.ServerOverride;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReadGroupsUnitTests {

    private final BackendRegistry registry = new BackendRegistry();
    private final BackendServer master = registry.get("10.0.0.1:7000");
    private final BackendServer replicaA = registry.get("10.0.0.2:7000");
    private final BackendServer replicaB = registry.get("10.0.0.3:7000");

    @Test
    void shouldPreferTheHighestPriorityGroup() {
        ReadGroups groups = policy(ClusterOptions.builder()).groupsFor(master, List.of(replicaA, replicaB));
        for (int i = 0; i < 100; i++) {
            assertThat(groups.pick(System.nanoTime())).isSameAs(master);
        }
        assertThat(groups.groupCount()).isEqualTo(2);
    }

    @Test
    void shouldSpreadReadsByWeightWithinAGroup() {
        ReadGroups groups = policy(ClusterOptions.builder().master(new ReadPreference(0, 1))
                .override(replicaA.address(), new ServerOverride(ServerOverride.INHERIT, 3)))
                .groupsFor(master, List.of(replicaA, replicaB));
        Map<BackendServer, Integer> counts = new HashMap<>();
        int picks = 100_000;
        for (int i = 0; i < picks; i++) {
            counts.merge(groups.pick(System.nanoTime()), 1, Integer::sum);
        }
        assertThat(counts).doesNotContainKey(master);
        assertThat(counts.get(replicaA) / (double) picks).isBetween(0.73, 0.77);
    }

    @Test
    void shouldMoveToTheNextGroupWhenAServerIsMarkedFailed() {
        ReadGroups groups = policy(ClusterOptions.builder()).groupsFor(master, List.of(replicaA));
        master.recordFailure(1, TimeUnit.SECONDS.toNanos(30));
        assertThat(master.isFailed()).isTrue();
        assertThat(groups.pick(System.nanoTime())).isSameAs(replicaA);
        master.recordSuccess();
        assertThat(groups.pick(System.nanoTime())).isSameAs(master);
    }

    @Test
    void shouldSkipTheServerARetryAvoidsAndNeverPickWeightZero() {
        ReadGroups groups = policy(ClusterOptions.builder().replica(new ReadPreference(50, 0)))
                .groupsFor(master, List.of(replicaA, replicaB));
        assertThat(groups.pick(System.nanoTime(), master)).isNull();
        ReadGroups withReplicas = policy(ClusterOptions.builder()).groupsFor(master, List.of(replicaA));
        assertThat(withReplicas.pick(System.nanoTime(), master)).isSameAs(replicaA);
    }

    @Test
    void shouldMarkAServerFailedOnlyAfterTheLimitOfConsecutiveFailures() {
        long retry = TimeUnit.SECONDS.toNanos(30);
        assertThat(replicaB.recordFailure(3, retry)).isFalse();
        assertThat(replicaB.recordFailure(3, retry)).isFalse();
        replicaB.recordSuccess();
        assertThat(replicaB.recordFailure(3, retry)).isFalse();
        assertThat(replicaB.recordFailure(3, retry)).isFalse();
        assertThat(replicaB.isFailed()).isFalse();
        assertThat(replicaB.recordFailure(3, retry)).isTrue();
        assertThat(replicaB.isFailed()).isTrue();
        assertThat(replicaB.isFailed(System.nanoTime() + retry + 1)).isFalse();
    }

    private static ReadPolicy policy(ClusterOptions.Builder b) {
        return new ReadPolicy(b.build());
    }
}

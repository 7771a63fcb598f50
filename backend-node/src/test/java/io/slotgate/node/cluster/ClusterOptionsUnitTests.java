package io.slotgate.node.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterOptionsUnitTests {

    @Test
    void shouldStartWithRedisDefaultsForTheFailoverSettings() {
        ClusterOptions o = ClusterOptions.forPort(7000);
        assertThat(o.migrationBarrier()).isEqualTo(1);
        assertThat(o.replicaNoFailover()).isFalse();
        assertThat(o.replicaValidityFactor()).isEqualTo(10);
        assertThat(o.allowReadsWhenDown()).isFalse();
        assertThat(o.requireFullCoverage()).isTrue();
        assertThat(o.testFaults()).isFalse();
    }

    @Test
    void shouldReadTheFailoverSettingsFromANodesExtraOptions() {
        ClusterOptions o = ClusterOptions.forPort(7000).withSettings(Map.of(
                "cluster-migration-barrier", "2",
                "cluster-replica-no-failover", "yes",
                "cluster-slave-validity-factor", "0",
                "cluster-allow-reads-when-down", "YES",
                "cluster-require-full-coverage", "no",
                "cluster-test-faults", "yes",
                "maxmemory", "1gb"));
        assertThat(o.migrationBarrier()).isEqualTo(2);
        assertThat(o.replicaNoFailover()).isTrue();
        assertThat(o.replicaValidityFactor()).isZero();
        assertThat(o.allowReadsWhenDown()).isTrue();
        assertThat(o.requireFullCoverage()).isFalse();
        assertThat(o.testFaults()).isTrue();
        assertThat(o.port()).isEqualTo(7000);
    }

    @Test
    void shouldRejectBadFailoverSettings() {
        ClusterOptions o = ClusterOptions.forPort(7000);
        assertThatThrownBy(() -> o.withSettings(Map.of("cluster-replica-no-failover", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> o.withSettings(Map.of("cluster-migration-barrier", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> o.withSettings(Map.of("cluster-migration-barrier", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.slotgate.node.persistence;

import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.persistence.aof.FsyncPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceOptionsUnitTests {

    @Test
    void shouldUseRedisDefaultsExceptForSave() {
        PersistenceOptions o = PersistenceOptions.from(NodeOptionsParser.parse());
        assertThat(o.appendonly()).isFalse();
        assertThat(o.appendfsync()).isEqualTo(FsyncPolicy.EVERYSEC);
        assertThat(o.aofDir().getFileName().toString()).isEqualTo("appendonlydir");
        assertThat(o.dumpFile().getFileName().toString()).isEqualTo("dump.rdb");
        assertThat(o.aofLoadTruncated()).isTrue();
        assertThat(o.autoAofRewriteMinSize()).isEqualTo(64L * 1024 * 1024);
        assertThat(o.saveRules()).isEmpty();
    }

    @Test
    void shouldReadRedisConfNamesFromFlags() {
        PersistenceOptions o = PersistenceOptions.from(NodeOptionsParser.parse("--appendonly", "yes",
                "--appendfsync", "always", "--aof-load-truncated", "no", "--auto-aof-rewrite-min-size", "1mb",
                "--save", "3600 1 300 100", "--dbfilename", "snap.rdb"));
        assertThat(o.appendonly()).isTrue();
        assertThat(o.appendfsync()).isEqualTo(FsyncPolicy.ALWAYS);
        assertThat(o.aofLoadTruncated()).isFalse();
        assertThat(o.autoAofRewriteMinSize()).isEqualTo(1024 * 1024);
        assertThat(o.saveRules()).containsExactly(new PersistenceOptions.SaveRule(3600, 1),
                new PersistenceOptions.SaveRule(300, 100));
        assertThat(o.saveText()).isEqualTo("3600 1 300 100");
        assertThat(o.dbfilename()).isEqualTo("snap.rdb");
    }

    @Test
    void shouldRejectBadValuesClearly() {
        assertThatThrownBy(() -> PersistenceOptions.from(NodeOptionsParser.parse("--appendfsync", "sometimes")))
                .hasMessageContaining("appendfsync must be always, everysec or no");
        assertThatThrownBy(() -> PersistenceOptions.from(NodeOptionsParser.parse("--appendonly", "maybe")))
                .hasMessageContaining("appendonly must be yes or no");
        assertThatThrownBy(() -> PersistenceOptions.from(NodeOptionsParser.parse("--save", "3600")))
                .hasMessageContaining("pairs");
        assertThatThrownBy(() -> PersistenceOptions.from(NodeOptionsParser.parse("--dbfilename", "../x.rdb")))
                .hasMessageContaining("plain file names");
    }
}

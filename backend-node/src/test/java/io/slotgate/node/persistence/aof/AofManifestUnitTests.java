package io.slotgate.node.persistence.aof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AofManifestUnitTests {

    @TempDir
    Path dir;

    @Test
    void shouldWriteAndReadRedis7Lines() throws Exception {
        AofManifest m = AofManifest.initial("appendonly.aof").withNextIncr()
                .rebased(AofManifest.base("appendonly.aof", 1), AofManifest.incr("appendonly.aof", 2));
        m.write(dir);
        assertThat(Files.readString(dir.resolve("appendonly.aof.manifest"))).isEqualTo(
                "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        AofManifest read = AofManifest.read(dir, "appendonly.aof");
        assertThat(read).isEqualTo(m);
        assertThat(read.current().name()).isEqualTo("appendonly.aof.2.incr.aof");
        assertThat(read.nextBase().name()).isEqualTo("appendonly.aof.2.base.rdb");
        assertThat(read.maxSeq()).isEqualTo(2);
    }

    @Test
    void shouldKeepIncrementalFilesOfARewriteInOrderAndIgnoreHistory() throws Exception {
        Files.writeString(dir.resolve("x.aof.manifest"), "file x.aof.3.base.rdb seq 3 type b\n"
                + "file x.aof.2.incr.aof seq 2 type h\nfile x.aof.4.incr.aof seq 4 type i\n"
                + "file x.aof.5.incr.aof seq 5 type i\n");
        AofManifest m = AofManifest.read(dir, "x.aof");
        assertThat(m.all()).extracting(AofManifest.AofFile::name)
                .containsExactly("x.aof.3.base.rdb", "x.aof.4.incr.aof", "x.aof.5.incr.aof");
    }

    @Test
    void shouldRefuseAManifestItCannotUnderstand() throws Exception {
        assertThat(AofManifest.read(dir, "none.aof")).isNull();
        Files.writeString(dir.resolve("bad.aof.manifest"), "file ../etc/passwd seq 1 type b\n");
        assertThatThrownBy(() -> AofManifest.read(dir, "bad.aof")).hasMessageContaining("Invalid AOF manifest");
    }
}

package io.slotgate.node.persistence.aof;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.persistence.PersistenceException;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The AOF of an in-process node: replay after restart, rewrite under load, truncated tails, CONFIG SET. */
class AofIntegrationTests {

    @TempDir
    Path dir;

    private NodeOptions options(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--bind", "127.0.0.1", "--port",
                String.valueOf(port), "--io-threads", "2", "--dir", dir.toString(), "--appendonly", "yes"));
        args.addAll(List.of(extra));
        return NodeOptionsParser.parse(args);
    }

    private final int port = FreePorts.clusterPort();

    @Test
    void shouldReplayEveryTypeOfWriteAfterRestart() {
        NodeOptions o = options("--appendfsync", "always");
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            c.call("SET", "s", "v1");
            c.call("INCRBY", "n", "41");
            c.call("INCR", "n");
            c.call("RPUSH", "l", "a", "b", "c");
            c.call("LPOP", "l");
            c.call("SADD", "set", "x", "y");
            c.call("HSET", "h", "f", "1");
            c.call("ZADD", "z", "2.5", "m");
            c.call("SET", "ttl", "x", "EX", "1000");
            c.call("SET", "gone", "x");
            c.call("DEL", "gone");
            c.call("MULTI");
            c.call("SET", "tx1", "a");
            c.call("SET", "tx1", "b");
            c.call("EXEC");
        }
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            assertThat(c.call("GET", "s")).isEqualTo("$2\r\nv1\r\n");
            assertThat(c.call("GET", "n")).isEqualTo("$2\r\n42\r\n");
            assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
            assertThat(c.call("SCARD", "set")).isEqualTo(":2\r\n");
            assertThat(c.call("HGET", "h", "f")).isEqualTo("$1\r\n1\r\n");
            assertThat(c.call("ZSCORE", "z", "m")).isEqualTo("$3\r\n2.5\r\n");
            assertThat(c.call("TTL", "ttl")).matches(":9\\d\\d\r\n|:1000\r\n");
            assertThat(c.call("EXISTS", "gone")).isEqualTo(":0\r\n");
            assertThat(c.call("GET", "tx1")).isEqualTo("$1\r\nb\r\n");
            assertThat(c.call("INFO", "persistence")).contains("aof_enabled:1", "loading:0",
                    "aof_last_write_status:ok");
        }
        assertThat(dir.resolve("appendonlydir/appendonly.aof.manifest")).exists();
    }

    @Test
    void shouldAnswerExecUnderAppendfsyncAlwaysOnlyOnceItsBlockIsInTheFile() throws Exception {
        NodeOptions o = options("--appendfsync", "always");
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            for (int i = 0; i < 50; i++) {
                c.call("MULTI");
                c.call("SET", "{t}a", "a" + i);
                c.call("INCR", "{t}n");
                assertThat(c.call("EXEC")).startsWith("*2\r\n");
                // the reply came after the fsync, so the block is already in the incremental file
                String value = "a" + i + "\r\n";
                assertThat(incrementalFiles()).anySatisfy(f -> assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
                        .contains(value));
            }
        }
    }

    private List<Path> incrementalFiles() throws IOException {
        try (var files = Files.list(dir.resolve("appendonlydir"))) {
            return files.filter(f -> f.getFileName().toString().contains(".incr.")).toList();
        }
    }

    @Test
    void shouldRewriteWhileAWriterRunsWithoutLosingAWrite() throws Exception {
        NodeOptions o = options("--appendfsync", "everysec", "--auto-aof-rewrite-percentage", "0");
        AtomicInteger acked = new AtomicInteger();
        try (NodeHarness node = NodeHarness.start(o)) {
            try (RawRespClient c = node.connect()) {
                for (int round = 0; round < 5; round++) { // the same keys again and again: a rewrite compacts them
                    for (int i = 0; i < 2000; i++) {
                        c.send("SET", "k" + i, "r" + round);
                    }
                    for (int i = 0; i < 2000; i++) {
                        c.read();
                    }
                }
            }
            long before = aofSize(node);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (RawRespClient w = node.connect()) {
                    while (!stop.get()) {
                        int i = acked.get();
                        assertThat(w.call("SET", "w" + i, "v" + i)).isEqualTo("+OK\r\n");
                        acked.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            try (RawRespClient c = node.connect()) {
                await().until(() -> acked.get() > 200);
                assertThat(c.call("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        c.call("INFO", "persistence").contains("aof_rewrite_in_progress:0"));
                int atEnd = acked.get();
                await().until(() -> acked.get() > atEnd + 200);
                stop.set(true);
                writer.join(10_000);
                assertThat(failure.get()).isNull();
                String info = c.call("INFO", "persistence");
                assertThat(info).contains("aof_last_bgrewrite_status:ok");
                assertThat(aofSize(node)).isLessThan(before + acked.get() * 40L);
            }
            assertThat(Files.list(dir.resolve("appendonlydir")).map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("appendonly.aof.manifest", "appendonly.aof.2.base.rdb",
                            "appendonly.aof.2.incr.aof");
            assertThat(before).isGreaterThan(Files.size(dir.resolve("appendonlydir/appendonly.aof.2.base.rdb")));
        }
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            assertThat(c.call("DBSIZE")).isEqualTo(":" + (2000 + acked.get()) + "\r\n");
            assertThat(c.call("GET", "k1999")).isEqualTo("$2\r\nr4\r\n");
            int last = acked.get() - 1;
            assertThat(c.call("GET", "w" + last)).isEqualTo("$" + ("v" + last).length() + "\r\nv" + last + "\r\n");
        }
    }

    private static long aofSize(NodeHarness node) {
        try (RawRespClient c = node.connect()) {
            String info = c.call("INFO", "persistence");
            int i = info.indexOf("aof_current_size:");
            return Long.parseLong(info.substring(i + 17, info.indexOf('\r', i)));
        }
    }

    @Test
    void shouldLoadTheValidPrefixOfATruncatedAofAndReportTheOffset() throws Exception {
        NodeOptions o = options();
        writeThreeKeysAndCutTheLastCommand(o);
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long cutSize = Files.size(incr);
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            assertThat(c.call("GET", "a")).isEqualTo("$1\r\n1\r\n");
            assertThat(c.call("GET", "b")).isEqualTo("$1\r\n2\r\n");
            assertThat(c.call("EXISTS", "c")).isEqualTo(":0\r\n");
            c.call("SET", "d", "4"); // appended after the kept prefix
        }
        assertThat(Files.size(incr)).isLessThan(cutSize + 40);
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            assertThat(c.call("GET", "d")).isEqualTo("$1\r\n4\r\n");
            assertThat(c.call("GET", "b")).isEqualTo("$1\r\n2\r\n");
        }
    }

    @Test
    void shouldRefuseToStartOnATruncatedAofWithAofLoadTruncatedNo() throws Exception {
        NodeOptions o = options();
        long validEnd = writeThreeKeysAndCutTheLastCommand(o);
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long size = Files.size(incr);
        assertThatThrownBy(() -> Node.start(options("--aof-load-truncated", "no")))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining(incr.toString())
                .hasMessageContaining("at offset " + size)
                .hasMessageContaining("last complete command ends at offset " + validEnd)
                .hasMessageContaining("aof-load-truncated yes");
        assertThat(Files.size(incr)).isEqualTo(size);
    }

    /** SET a, b, c; then the file is cut in the middle of c's command. Returns where b's command ends. */
    private long writeThreeKeysAndCutTheLastCommand(NodeOptions o) throws IOException {
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            c.call("SET", "a", "1");
            c.call("SET", "b", "2");
            c.call("SET", "c", "3");
        }
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        String text = Files.readString(incr, StandardCharsets.ISO_8859_1);
        int cStart = text.indexOf("*3\r\n$3\r\nSET\r\n$1\r\nc");
        assertThat(cStart).isPositive();
        try (var ch = java.nio.channels.FileChannel.open(incr, StandardOpenOption.WRITE)) {
            ch.truncate(cStart + 10);
        }
        return cStart;
    }

    @Test
    void shouldRewriteByItselfOnceTheAofGrewPastAutoAofRewritePercentage() {
        NodeOptions o = options("--auto-aof-rewrite-percentage", "100", "--auto-aof-rewrite-min-size", "64kb");
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            assertThat(c.call("CONFIG", "GET", "auto-aof-rewrite-min-size")).contains("65536");
            for (int i = 0; i < 3000; i++) { // ~40 bytes each: past 64 KB
                c.send("SET", "same-key", "value-" + i);
            }
            for (int i = 0; i < 3000; i++) {
                c.read();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> c.call("INFO", "persistence")
                    .contains("aof_rewrites:1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> aofSize(node) < 64 * 1024);
            assertThat(c.call("GET", "same-key")).isEqualTo("$10\r\nvalue-2999\r\n");
        }
    }

    @Test
    void shouldCreateTheAofWhenConfigSetTurnsItOn() throws Exception {
        NodeOptions o = NodeOptionsParser.parse("--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--io-threads", "2", "--dir", dir.toString());
        try (NodeHarness node = NodeHarness.start(o); RawRespClient c = node.connect()) {
            c.call("SET", "before", "1");
            assertThat(c.call("CONFIG", "GET", "appendonly")).contains("no");
            assertThat(c.call("CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> c.call("INFO", "persistence")
                    .contains("aof_enabled:1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> c.call("INFO", "persistence")
                    .contains("aof_rewrite_in_progress:0"));
            c.call("SET", "after", "2");
            assertThat(c.call("CONFIG", "GET", "appendfsync")).contains("everysec");
            assertThat(c.call("CONFIG", "SET", "appendfsync", "sometimes")).startsWith("-ERR CONFIG SET failed");
        }
        try (NodeHarness node = NodeHarness.start(options()); RawRespClient c = node.connect()) {
            assertThat(c.call("GET", "before")).isEqualTo("$1\r\n1\r\n");
            assertThat(c.call("GET", "after")).isEqualTo("$1\r\n2\r\n");
        }
    }
}

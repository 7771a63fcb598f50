package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Slots migrate under a working client: MOVED and ASK are absorbed by the proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReshardIntegrationTests {

    private static final int KEYS = 6000;
    private ProxyUnderTest env;

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    @BeforeAll
    void start() {
        env = ProxyUnderTest.start(backend(), 0, c -> c, p -> p);
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void shouldServeAClientWithoutErrorsOrWrongValuesDuringALiveReshard() throws Exception {
        try (RespConnection c = env.connect()) {
            for (int i = 0; i < KEYS; i++) {
                c.send("SET", "rs:" + i, "0");
            }
            c.flush();
            for (int i = 0; i < KEYS; i++) {
                assertThat(c.read()).isEqualTo("OK");
            }
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong rounds = new AtomicLong();
        Thread worker = new Thread(() -> work(running, problems, rounds), "reshard-client");
        worker.start();
        try {
            String from = nodeId(0);
            String to = nodeId(1);
            RedisCli.Result result = RedisCli.run(120, "--cluster", "reshard", env.cluster.addresses().get(0),
                    "--cluster-from", from, "--cluster-to", to, "--cluster-slots", "1500", "--cluster-yes");
            assertThat(result.exitCode()).as(result.output()).isZero();
            Thread.sleep(500);
        } finally {
            running.set(false);
            worker.join(30_000);
        }
        assertThat(problems).as("errors or wrong values seen by the client").isEmpty();
        assertThat(rounds.get()).isPositive();
        try (RespConnection c = env.connect()) {
            String stats = RespConnection.text(c.call("INFO", "stats"));
            assertThat(stats).containsPattern("moved_followed:[1-9]");
        }
    }

    @Test
    void shouldFollowAskToTheImportingNodeWithoutChangingTheMap() {
        String source = env.cluster.addresses().get(2);
        String key = ClusterProbe.keyServedBy(env.cluster.port(0), source, "ask:");
        String slot;
        try (RespConnection a = env.cluster.connect(2); RespConnection b = env.cluster.connect(1)) {
            slot = String.valueOf(a.call("CLUSTER", "KEYSLOT", key));
            assertThat(b.call("CLUSTER", "SETSLOT", slot, "IMPORTING", nodeId(2))).isEqualTo("OK");
            assertThat(a.call("CLUSTER", "SETSLOT", slot, "MIGRATING", nodeId(1))).isEqualTo("OK");
        }
        try (RespConnection c = env.connect()) {
            long asksBefore = statValue(c, "ask_followed");
            assertThat(c.call("SET", key, "imported")).isEqualTo("OK");
            assertThat(RespConnection.text(c.call("GET", key))).isEqualTo("imported");
            assertThat(statValue(c, "ask_followed") - asksBefore).isEqualTo(2);
            try (RespConnection b = env.cluster.connect(1); RespConnection a = env.cluster.connect(2)) {
                // the key really lives on the importing node, and the slot still belongs to the source
                assertThat(((RespError) b.call("GET", key)).text()).startsWith("MOVED " + slot + " " + source);
                assertThat(b.call("CLUSTER", "SETSLOT", slot, "NODE", nodeId(1)))
                        .isEqualTo("OK");
                assertThat(a.call("CLUSTER", "SETSLOT", slot, "NODE", nodeId(1))).isEqualTo("OK");
            }
            assertThat(RespConnection.text(c.call("GET", key))).isEqualTo("imported");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRetryASingleCommandAndATransactionAtTheNewOwnerWhenItsMapIsStale() throws Exception {
        // A proxy that would not refresh on its own for an hour: only MOVED can teach it.
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(ClusterOptions.builder().servers(env.cluster.addresses().get(0))
                        .refreshInterval(Duration.ofHours(1)).build()).build();
        try (Proxy stale = Proxy.start(options); RespConnection c = RespConnection.open(stale.port())) {
            assertThat(stale.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
            String source = env.cluster.addresses().get(2);
            String single = ClusterProbe.keyServedBy(env.cluster.port(0), source, "mv:");
            String tagged = "{" + ClusterProbe.keyServedBy(env.cluster.port(0), source, "tx:") + "}";
            moveSlotWithoutKeys(tagged, 2, 0);
            long refreshes = statValue(c, "slot_map_refreshes");
            assertThat(c.call("MULTI")).isEqualTo("OK");
            assertThat(c.call("SET", tagged + "a", "1")).isEqualTo("QUEUED");
            assertThat(c.call("INCR", tagged + "a")).isEqualTo("QUEUED");
            assertThat((List<Object>) c.call("EXEC")).containsExactly("OK", 2L);
            assertThat(statValue(c, "moved_followed")).isEqualTo(1);

            // let the refresh the MOVED started finish, so the next move is news again
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> statValue(c, "slot_map_refreshes") > refreshes);
            Thread.sleep(100);
            moveSlotWithoutKeys(single, 2, 0);
            assertThat(c.call("SET", single, "moved")).isEqualTo("OK");
            assertThat(statValue(c, "moved_followed")).isEqualTo(2);
        }
    }

    /** Hands the (empty) slot of {@code key} from master {@code from} to master {@code to}, as reshard would. */
    private void moveSlotWithoutKeys(String key, int from, int to) {
        try (RespConnection a = env.cluster.connect(from); RespConnection b = env.cluster.connect(to)) {
            String slot = String.valueOf(a.call("CLUSTER", "KEYSLOT", key));
            assertThat(b.call("CLUSTER", "SETSLOT", slot, "IMPORTING", nodeId(from))).isEqualTo("OK");
            assertThat(a.call("CLUSTER", "SETSLOT", slot, "MIGRATING", nodeId(to))).isEqualTo("OK");
            assertThat(b.call("CLUSTER", "SETSLOT", slot, "NODE", nodeId(to))).isEqualTo("OK");
            assertThat(a.call("CLUSTER", "SETSLOT", slot, "NODE", nodeId(to))).isEqualTo("OK");
        }
    }

    private static long statValue(RespConnection c, String field) {
        String stats = RespConnection.text(c.call("INFO", "stats"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(field + ":(\\d+)").matcher(stats);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Each round rewrites a stripe of keys with the round number and reads them back, singly and with MGET. */
    private void work(AtomicBoolean running, ConcurrentLinkedQueue<String> problems, AtomicLong rounds) {
        try (RespConnection c = env.connect()) {
            long round = 0;
            while (running.get()) {
                round++;
                String value = Long.toString(round);
                int base = (int) ((round * 50) % KEYS);
                for (int k = 0; k < 50; k++) {
                    c.send("SET", "rs:" + (base + k) % KEYS, value);
                }
                String[] mget = new String[51];
                mget[0] = "MGET";
                for (int k = 0; k < 50; k++) {
                    mget[k + 1] = "rs:" + (base + k) % KEYS;
                    c.send("GET", mget[k + 1]);
                }
                c.send(mget);
                c.flush();
                for (int k = 0; k < 50; k++) {
                    Object r = c.read();
                    if (!"OK".equals(r)) {
                        problems.add("SET -> " + describe(r));
                    }
                }
                for (int k = 0; k < 50; k++) {
                    Object r = c.read();
                    if (!value.equals(RespConnection.text(r))) {
                        problems.add("GET " + mget[k + 1] + " -> " + describe(r) + " instead of " + value);
                    }
                }
                Object all = c.read();
                if (!(all instanceof List<?> list) || list.size() != 50
                        || !list.stream().allMatch(v -> value.equals(RespConnection.text(v)))) {
                    problems.add("MGET -> " + describe(all));
                }
                rounds.incrementAndGet();
                if (problems.size() > 20) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            problems.add(e.toString());
        }
    }

    private static String describe(Object r) {
        return r instanceof RespError e ? "-" + e.text() : RespConnection.text(r);
    }

    private String nodeId(int index) {
        try (RespConnection c = env.cluster.connect(index)) {
            return c.callText("CLUSTER", "MYID");
        }
    }
}

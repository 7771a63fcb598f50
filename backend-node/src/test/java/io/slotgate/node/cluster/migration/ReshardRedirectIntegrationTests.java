package io.slotgate.node.cluster.migration;

import io.slotgate.routing.slot.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that follow redirects like {@code redis-cli -c} during a live {@code redis-cli --cluster reshard} of three
 * masters (formed by hand, as the proxy tests and {@code slotgate local} do): every request ends after at most
 * one MOVED and one ASK, never bouncing back to a node it already asked, and reads what it wrote.
 */
class ReshardRedirectIntegrationTests {

    private static final int MOVED_SLOTS = 400;
    private static final int CLIENTS = 3;

    @TempDir
    Path dir;

    private LiveCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldNeverBounceARequestBetweenSourceAndTargetDuringALiveReshard() throws Exception {
        cluster = LiveCluster.start(dir, 3);
        cluster.assign(0, 0, 5460);
        cluster.assign(1, 5461, 10922);
        cluster.assign(2, 10923, 16383);
        cluster.awaitOk();
        List<List<String>> keysPerClient = keysOfMovingSlots();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong redirects = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            List<String> keys = keysPerClient.get(t);
            // each client starts from a different node, so stale views of the third master are exercised too
            String entry = cluster.address(t);
            Thread w = new Thread(() -> work(entry, keys, running, problems, requests, redirects), "client-" + t);
            workers.add(w);
            w.start();
        }
        String reshard;
        try {
            reshard = RedisCliRunner.run(dir, 180, "--cluster", "reshard", cluster.address(0),
                    "--cluster-from", cluster.id(0), "--cluster-to", cluster.id(1),
                    "--cluster-slots", String.valueOf(MOVED_SLOTS), "--cluster-yes");
            Thread.sleep(300);
        } finally {
            running.set(false);
            for (Thread w : workers) {
                w.join(30_000);
            }
        }
        System.out.printf("%d requests, %d redirects followed during the reshard%n", requests.get(),
                redirects.get());
        assertThat(reshard).contains("Moving slot " + (MOVED_SLOTS - 1) + " from " + cluster.id(0));
        assertThat(problems).as("bounced, failed or wrong requests").isEmpty();
        assertThat(redirects.get()).isPositive();
        String check = RedisCliRunner.run(dir, 30, "--cluster", "check", cluster.address(2));
        assertThat(check).contains("[OK] All nodes agree about slots configuration.", "[OK] All 16384 slots covered.")
                .doesNotContain("[WARNING]", "[ERR]");
    }

    /** Four keys in each slot that moves, dealt round-robin to the clients (each client owns its keys). */
    private static List<List<String>> keysOfMovingSlots() {
        Map<Integer, Integer> perSlot = new HashMap<>();
        List<List<String>> out = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            out.add(new ArrayList<>());
        }
        int dealt = 0;
        for (int i = 0; dealt < MOVED_SLOTS * 4; i++) {
            String key = "bounce:" + i;
            int slot = SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
            if (slot < MOVED_SLOTS && perSlot.merge(slot, 1, Integer::sum) <= 4) {
                out.get(dealt++ % CLIENTS).add(key);
            }
        }
        return out;
    }

    /** Every node's CLUSTER NODES, for a failure report. */
    private String views(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            try (var c = io.slotgate.node.testsupport.RawRespClient.open(cluster.port(i))) {
                sb.append("\n GET at ").append(cluster.address(i)).append(" ").append(c.call("GET", key).trim())
                        .append(" at ").append(java.time.LocalTime.now());
                sb.append("\n node ").append(cluster.address(i)).append(":\n")
                        .append(LiveCluster.bulk(c.call("CLUSTER", "NODES")));
            }
        }
        return sb.toString();
    }

    private void work(String entry, List<String> keys, AtomicBoolean running, ConcurrentLinkedQueue<String> problems,
                      AtomicLong requests, AtomicLong redirects) {
        Map<String, String> written = new HashMap<>();
        try (RedirectFollowingClient c = new RedirectFollowingClient(entry, problems)) {
            c.diagnostics = key -> problems.size() < 3 ? views(key) : "";
            long round = 0;
            while (running.get() && problems.size() < 20) {
                String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
                String value = Long.toString(++round);
                String set = c.call("SET", key, value);
                if (!set.startsWith("+OK")) {
                    problems.add("SET " + key + " -> " + set.trim());
                    continue;
                }
                written.put(key, value);
                String got = c.call("GET", key);
                if (!got.equals("$" + value.length() + "\r\n" + value + "\r\n")) {
                    problems.add("GET " + key + " -> " + got.trim() + " instead of " + value);
                }
                requests.addAndGet(2);
            }
            redirects.addAndGet(c.redirects);
        } catch (RuntimeException e) {
            problems.add(Thread.currentThread().getName() + ": " + e);
        }
    }
}

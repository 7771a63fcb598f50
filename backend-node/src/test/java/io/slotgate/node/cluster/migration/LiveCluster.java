package io.slotgate.node.cluster.migration;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Full backend nodes started in-process on free loopback ports, joined with MEET and given slot ranges: the
 * cluster a migration test needs. One raw client per node for assertions; close() stops everything.
 */
final class LiveCluster implements AutoCloseable {

    private final List<Node> nodes = new ArrayList<>();
    private final List<RawRespClient> clients = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<List<String>> flags = new ArrayList<>();

    /** Starts {@code n} empty nodes in their own directories under {@code dir} and joins them. */
    static LiveCluster start(Path dir, int n) throws Exception {
        return start(dir, n, n);
    }

    /** Starts {@code n} empty nodes and joins the first {@code joined}; the others wait for redis-cli add-node. */
    static LiveCluster start(Path dir, int n, int joined) throws Exception {
        LiveCluster c = new LiveCluster();
        try {
            for (int i = 0; i < n; i++) {
                Path nodeDir = Files.createDirectories(dir.resolve("node" + i));
                c.flags.add(List.of("--bind", "127.0.0.1", "--port", String.valueOf(FreePorts.clusterPort()),
                        "--io-threads", "2", "--dir", nodeDir.toString()));
                c.nodes.add(Node.start(NodeOptionsParser.parse(c.flags.get(i))));
                c.clients.add(RawRespClient.open(c.nodes.get(i).port()));
                c.ids.add(bulk(c.clients.get(i).call("CLUSTER", "MYID")));
            }
            for (int i = 1; i < joined; i++) {
                c.call(0, "CLUSTER", "MEET", "127.0.0.1", String.valueOf(c.port(i)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> c.allKnowEachOther(joined));
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }

    /** Waits until the first {@code count} nodes all know each other (after redis-cli add-node, say). */
    void awaitJoined(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> allKnowEachOther(count));
    }

    private boolean allKnowEachOther(int joined) {
        for (int i = 0; i < joined; i++) {
            String text = bulk(call(i, "CLUSTER", "NODES"));
            for (String id : ids.subList(0, joined)) {
                if (!text.contains(id + " ")) {
                    return false;
                }
            }
            if (text.contains("handshake")) {
                return false;
            }
        }
        return true;
    }

    /** Stops node {@code i} and starts it again on the same port and directory (it reloads nodes.conf). */
    void restart(int i) throws Exception {
        clients.get(i).close();
        nodes.get(i).close();
        nodes.set(i, Node.start(NodeOptionsParser.parse(flags.get(i))));
        clients.set(i, RawRespClient.open(nodes.get(i).port()));
    }

    /** Gives node {@code i} the inclusive slot range, via ADDSLOTSRANGE. */
    void assign(int i, int from, int to) {
        String reply = call(i, "CLUSTER", "ADDSLOTSRANGE", String.valueOf(from), String.valueOf(to));
        if (!reply.startsWith("+OK")) {
            throw new IllegalStateException(reply);
        }
    }

    /** Waits until every node reports cluster_state:ok and the expected number of assigned slots. */
    void awaitOk() {
        awaitOk(nodes.size());
    }

    /** {@link #awaitOk()} for the first {@code count} nodes only. */
    void awaitOk(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < count; i++) {
                String info = bulk(call(i, "CLUSTER", "INFO"));
                if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_assigned:16384")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** One command on node {@code i}'s raw client; the reply as RESP text ("+OK\r\n", "-ASK ...\r\n"). */
    String call(int i, String... args) {
        return clients.get(i).call(args);
    }

    int size() {
        return nodes.size();
    }

    int port(int i) {
        return nodes.get(i).port();
    }

    String id(int i) {
        return ids.get(i);
    }

    String address(int i) {
        return "127.0.0.1:" + port(i);
    }

    /** The payload of a bulk reply ("$3\r\nabc\r\n" → "abc"). */
    static String bulk(String reply) {
        if (!reply.startsWith("$")) {
            throw new IllegalStateException("not a bulk reply: " + reply);
        }
        int start = reply.indexOf("\r\n") + 2;
        return reply.substring(start, reply.length() - 2);
    }

    /** Node {@code i}'s own line of CLUSTER NODES, as it prints it. */
    String myselfLine(int i) {
        for (String line : bulk(call(i, "CLUSTER", "NODES")).split("\n")) {
            if (line.contains("myself")) {
                return line;
            }
        }
        throw new IllegalStateException("no myself line");
    }

    @Override
    public void close() {
        for (RawRespClient c : clients) {
            c.close();
        }
        for (Node n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // keep stopping the others
            }
        }
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("slotgate-migration-");
    }
}

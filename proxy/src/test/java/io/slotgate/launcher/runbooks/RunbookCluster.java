package io.slotgate.launcher.runbooks;

import io.slotgate.launcher.NodeProcesses;
import io.slotgate.proxy.Proxy;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.testsupport.RedisCli;
import org.assertj.core.api.ThrowingConsumer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's starting point for every runbook: node processes ({@code bin/slotgate node}) on free ports, the
 * first six formed by hand into 3 masters (nodes 0-2) with one replica each (node 3+i follows master i), spare
 * nodes not joined yet, and a Slotgate proxy in this JVM seeded with the six, as {@code slotgate local} runs it.
 * Every operator step goes through the real {@code redis-cli}. Node i stands for the README's port 7000+i and
 * the proxy for 7617 ({@link #readmeNames}). Close it to stop the proxy and every node.
 */
final class RunbookCluster implements AutoCloseable {

    static final int README_BASE_PORT = 7000;
    static final int README_PROXY_PORT = 7617;
    static final int FORMED = 6;
    /** Generous for a loaded 2-core machine; the runbooks state their own bounds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A busy test machine must not turn a slow reply into a client error (the default is 1 s). */
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(5);
    /** One node in the output of redis-cli --cluster check: "M: <id> host:port" or "S: ...". */
    private static final java.util.regex.Pattern NODE_LINE = java.util.regex.Pattern.compile("[MS]: [0-9a-f]{40} ");
    private static final String[] MASTER_RANGES = {"0 5460", "5461 10922", "10923 16383"};

    private final NodeProcesses nodes;
    private Proxy proxy;

    private RunbookCluster(NodeProcesses nodes) {
        this.nodes = nodes;
    }

    /** {@code count} node processes, none of them joined to a cluster yet; no proxy. */
    static RunbookCluster startNodes(int count, Duration nodeTimeout) throws IOException {
        return new RunbookCluster(NodeProcesses.start(count, "--cluster-node-timeout",
                String.valueOf(nodeTimeout.toMillis())));
    }

    /** Six nodes formed by hand plus {@code spareNodes} unjoined ones, and the proxy with a slot map. */
    static RunbookCluster start(int spareNodes, Duration nodeTimeout) throws Exception {
        RunbookCluster cluster = startNodes(FORMED + spareNodes, nodeTimeout);
        try {
            cluster.formByHand();
            cluster.startProxy();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The README's "Create a cluster by hand", command for command, then waits for a consistent cluster. */
    void formByHand() {
        for (int i = 1; i < FORMED; i++) {
            assertThat(cli(0, "cluster", "meet", "127.0.0.1", String.valueOf(port(i)))).isEqualTo("OK");
        }
        // A handshake that times out (a node slow to answer on a loaded machine) is dropped, as in Redis: until
        // every node counts all six, meet the missing ones again, as the README's check step says.
        withViewsOnTimeout(() -> await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int i = 1; i < FORMED; i++) {
                if (!cli(i, "cluster", "info").contains("cluster_known_nodes:" + FORMED)) {
                    cli(0, "cluster", "meet", "127.0.0.1", String.valueOf(port(i)));
                }
            }
            for (int i = 0; i < FORMED; i++) {
                assertThat(cli(i, "cluster", "info")).as(address(i)).contains("cluster_known_nodes:" + FORMED);
            }
        }));
        for (int m = 0; m < 3; m++) {
            String[] range = MASTER_RANGES[m].split(" ");
            assertThat(cli(m, "cluster", "addslotsrange", range[0], range[1])).isEqualTo("OK");
        }
        for (int r = 3; r < FORMED; r++) {
            String masterId = myId(r - 3);
            int replica = r;
            // "ERR Unknown node" until gossip has introduced the master to this node: repeat, as the README says.
            withViewsOnTimeout(() -> await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(cli(replica, "cluster", "replicate", masterId)).isEqualTo("OK")));
        }
        awaitCheckOk(0, FORMED);
        // A replica's first sync is done when its link is up; failover runbooks need that (replication.md).
        for (int r = 3; r < FORMED; r++) {
            awaitReplicaLinkUp(r);
        }
    }

    void awaitReplicaLinkUp(int replica) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(cli(replica, "info", "replication")).contains("master_link_status:up"));
    }

    /** Every node's CLUSTER NODES, for a failure message. */
    String views() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.count(); i++) {
            sb.append("--- ").append(address(i)).append(" sees:\n").append(cli(i, "cluster", "nodes")).append('\n');
        }
        return sb.toString();
    }

    void startProxy() throws InterruptedException {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < FORMED; i++) {
            seeds.add(address(i));
        }
        ClusterOptions cluster = ClusterOptions.builder().servers(seeds.toArray(String[]::new))
                .serverTimeout(SERVER_TIMEOUT).build();
        proxy = Proxy.start(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(2).cluster(cluster).build());
        assertThat(proxy.awaitSlotMap(PATIENCE)).as("the proxy learned the slot map").isTrue();
        // The map may come from a node that still learns about the replicas: wait until INFO lists all six.
        awaitProxyInfo(info -> assertThat(info.servers()).hasSize(FORMED));
    }

    int proxyPort() {
        return proxy.port();
    }

    int port(int node) {
        return nodes.port(node);
    }

    String address(int node) {
        return nodes.address(node);
    }

    NodeProcesses nodes() {
        return nodes;
    }

    /** Stops node i's process, as an operator does after removing it (the node has no SHUTDOWN command). */
    void stopNode(int node) {
        nodes.kill(node);
    }

    /** {@code redis-cli -p <node> args...}: what it printed, trimmed. */
    String cli(int node, String... args) {
        return cliOnPort(port(node), args);
    }

    /** {@code redis-cli --cluster args...}, which must succeed; returns what it printed. */
    String clusterTool(String... args) {
        List<String> all = new ArrayList<>(List.of("--cluster"));
        all.addAll(List.of(args));
        RedisCli.Result result = RedisCli.run(300, all.toArray(String[]::new));
        assertThat(result.exitCode()).as("redis-cli %s:%n%s", all, result.output()).isZero();
        return result.output();
    }

    String myId(int node) {
        return cli(node, "cluster", "myid");
    }

    /** What {@code redis-cli -p <proxy> info} shows now. */
    ProxyInfo proxyInfo() {
        return ProxyInfo.parse(cliOnPort(proxyPort(), "info"));
    }

    /** Polls the proxy's INFO until {@code expectation} holds; returns that INFO. */
    ProxyInfo awaitProxyInfo(ThrowingConsumer<ProxyInfo> expectation) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            ProxyInfo info = proxyInfo();
            try {
                expectation.accept(info);
                return info;
            } catch (AssertionError e) {
                return null;
            }
        }, info -> info != null);
    }

    /**
     * Waits until {@code redis-cli --cluster check} through node {@code via} passes: every node agrees about the
     * slots, all 16384 are covered, nothing is open, and it lists {@code expectedNodes} nodes.
     */
    void awaitCheckOk(int via, int expectedNodes) {
        withViewsOnTimeout(() -> awaitCheck(via, expectedNodes));
    }

    /** Runs a wait; if it times out, the failure also shows what every node sees. */
    private void withViewsOnTimeout(Runnable wait) {
        try {
            wait.run();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + views(), e);
        }
    }

    private void awaitCheck(int via, int expectedNodes) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            RedisCli.Result check = RedisCli.run(60, "--cluster", "check", address(via));
            assertThat(check.output())
                    .contains("[OK] All nodes agree about slots configuration.")
                    .contains("[OK] All 16384 slots covered.")
                    .doesNotContain("[ERR]").doesNotContain("[WARNING]");
            assertThat(NODE_LINE.matcher(check.output()).results()).as(check.output()).hasSize(expectedNodes);
            assertThat(check.exitCode()).isZero();
        });
    }

    /**
     * Waits until every member of the cluster (as node 0 lists them) knows {@code node} past the handshake: a reshard
     * to a master that some other master has not met yet fails with "ERR Unknown node" (the README's grep step).
     */
    void awaitKnownEverywhere(int node) {
        String address = address(node);
        withViewsOnTimeout(() -> await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (String line : cli(0, "cluster", "nodes").split("\n")) {
                String member = line.split(" ")[1];
                int port = Integer.parseInt(member.substring(member.indexOf(':') + 1, member.indexOf('@')));
                String view = cliOnPort(port, "cluster", "nodes");
                assertThat(view.lines().filter(l -> l.contains(" " + address + "@") && !l.contains("handshake")))
                        .as(member + " knows " + address).hasSize(1);
            }
        }));
    }

    /** Waits until every listed node says cluster_state:ok. */
    void awaitClusterOk(int... which) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (int i : which) {
                assertThat(cli(i, "cluster", "info")).as(address(i)).contains("cluster_state:ok");
            }
        });
    }

    /** {@code text} with this run's ports renamed to the README's (node i = 7000+i, proxy = 7617). */
    String readmeNames(String text) {
        String out = text.replaceAll(":" + proxyPort() + "(?!\\d)", ":" + README_PROXY_PORT);
        for (int i = 0; i < nodes.count(); i++) {
            out = out.replaceAll(":" + port(i) + "(?!\\d)", ":" + (README_BASE_PORT + i));
        }
        return out;
    }

    /** Prints an INFO excerpt with README names, for the runbook's text in README.md. */
    void show(String moment, ProxyInfo info, String... statNames) {
        System.out.println("=== proxy INFO " + moment + " ===\n" + readmeNames(info.excerpt(statNames)));
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        nodes.close();
    }

    private static String cliOnPort(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("-p", String.valueOf(port)));
        all.addAll(List.of(args));
        return RedisCli.run(60, all.toArray(String[]::new)).output().trim();
    }
}

package io.slotgate.node.testsupport;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.routing.testsupport.FreePorts;

import java.util.ArrayList;
import java.util.List;

/** A node started in-process on a free loopback port for a test; close() stops it. */
public final class NodeHarness implements AutoCloseable {

    private final Node node;

    private NodeHarness(Node node) {
        this.node = node;
    }

    /**
     * A node with the given extra flags ({@code "--requirepass", "x"}), on a free port pair, two partitions, in
     * its own temporary directory. In cluster mode (the default) it is made a one-node cluster owning all 16384
     * slots, so data commands run as on any master.
     */
    public static NodeHarness start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port",
                String.valueOf(FreePorts.clusterPort()), "--io-threads", "2", "--dir", tempDir().toString()));
        args.addAll(List.of(flags));
        return start(NodeOptionsParser.parse(args));
    }

    public static NodeHarness start(NodeOptions options) {
        NodeHarness harness;
        try {
            harness = new NodeHarness(Node.start(options));
        } catch (Exception e) {
            throw new IllegalStateException("node did not start", e);
        }
        if (options.clusterEnabled()) {
            harness.ownAllSlots(options.requirepass());
        }
        return harness;
    }

    private void ownAllSlots(String password) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        try {
            try (RawRespClient c = connect()) {
                if (password != null && !password.isEmpty()) {
                    c.call("AUTH", password);
                }
                c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
                while (!c.call("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("one-node cluster did not reach cluster_state:ok");
                    }
                    Thread.sleep(20);
                }
            }
            // Tests count connections (maxclients): return only once the server has dropped the set-up one.
            while (node.context().clients().count() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("set-up connection still registered");
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static java.nio.file.Path tempDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("slotgate-node-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return node.port();
    }

    public Node node() {
        return node;
    }

    public RawRespClient connect() {
        return RawRespClient.open(port());
    }

    @Override
    public void close() {
        node.close();
    }
}

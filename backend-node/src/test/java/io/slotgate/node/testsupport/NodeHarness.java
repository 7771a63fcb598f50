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

    /** A node with the given extra flags ({@code "--requirepass", "x"}), on a free port, two partitions. */
    public static NodeHarness start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", String.valueOf(FreePorts.any()),
                "--io-threads", "2"));
        args.addAll(List.of(flags));
        return start(NodeOptionsParser.parse(args));
    }

    public static NodeHarness start(NodeOptions options) {
        try {
            return new NodeHarness(Node.start(options));
        } catch (Exception e) {
            throw new IllegalStateException("node did not start", e);
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

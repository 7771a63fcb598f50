package io.slotgate.node.testsupport;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.persistence.PersistenceException;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A node as its own process for crash tests (the proxy module's {@code slotgate node} is not on this module's
 * class path): same flags; a start-up refused by persistence prints its message and exits with status 1.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Node node;
        try {
            node = Node.start(NodeOptionsParser.parse(List.of(args)));
        } catch (PersistenceException e) {
            System.err.println("slotgate node: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println("Ready to accept connections on port " + node.port());
        new CountDownLatch(1).await();
    }
}

package io.slotgate.launcher;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.NodeOptionsParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slotgate node}: one cluster node. Flags use redis.conf directive names ({@code --port 7000
 * --cluster-node-timeout 5000 --conf conf/node.conf}); see conf/node.conf for every option.
 */
@Command(name = "node", description = "Start one cluster node. Flags use redis.conf names, e.g. --port 7000 "
        + "--bind 127.0.0.1 --dir data --cluster-node-timeout 15000 --requirepass secret --conf conf/node.conf.")
final class NodeLauncher implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(NodeLauncher.class);

    @Unmatched
    List<String> args;

    @Override
    public Integer call() throws Exception {
        NodeOptions options;
        try {
            options = NodeOptionsParser.parse(args == null ? List.of() : args);
        } catch (IllegalArgumentException e) {
            System.err.println("slotgate node: " + e.getMessage());
            return 2;
        }
        Node node;
        try {
            node = Node.start(options);
        } catch (IllegalArgumentException e) {
            System.err.println("slotgate node: " + e.getMessage());
            return 2;
        } catch (io.slotgate.node.persistence.PersistenceException e) {
            // the data on disk cannot be loaded: say where, exit non-zero (as redis-server does)
            log.error("{}", e.getMessage());
            System.err.println("slotgate node: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("node on port {} shutting down", node.port());
            node.close();
            stopped.countDown();
        }, "slotgate-node-shutdown"));
        log.info("Ready to accept connections on port {}", node.port());
        stopped.await();
        return 0;
    }
}

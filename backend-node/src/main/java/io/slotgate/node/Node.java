package io.slotgate.node;

import io.netty.channel.ChannelHandler;
import io.slotgate.node.cluster.ClusterManager;
import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.ClusterService;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Commands;
import io.slotgate.node.command.Dispatcher;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.persistence.PersistenceManager;
import io.slotgate.node.persistence.PersistenceOptions;
import io.slotgate.node.pubsub.PubSub;
import io.slotgate.node.replication.ReplicationManager;
import io.slotgate.node.replication.ReplicationOptions;
import io.slotgate.node.server.ClientRegistry;
import io.slotgate.node.server.LiveConfig;
import io.slotgate.node.server.NodeKeyspaceAccess;
import io.slotgate.node.server.NodeServer;
import io.slotgate.node.server.ServerStats;
import io.slotgate.node.server.StandaloneCluster;
import io.slotgate.node.store.Keyspace;
import io.slotgate.routing.resp.RespLimits;
import io.slotgate.routing.resp.RespRequestDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A running node: {@link #start(NodeOptions)} wires the listener, keyspace partitions, Pub/Sub, commands and
 * the cluster service; {@link #close()} stops everything.
 */
public final class Node implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final NodeServer server;
    private final ClusterService cluster;
    private final NodeContext context;
    private final ReplicationManager replication;
    private final PersistenceManager persistence;
    private final int port;

    private Node(NodeServer server, ClusterService cluster, NodeContext context, ReplicationManager replication,
                 PersistenceManager persistence, int port) {
        this.server = server;
        this.cluster = cluster;
        this.context = context;
        this.replication = replication;
        this.persistence = persistence;
        this.port = port;
    }

    public static Node start(NodeOptions options) throws Exception {
        return start(options, null);
    }

    /**
     * @param decoderFactory request decoder per connection (null = routing's RespRequestDecoder); tests may
     *                       substitute one
     */
    public static Node start(NodeOptions options, Supplier<ChannelHandler> decoderFactory) throws Exception {
        NodeServer server = new NodeServer(options.ioThreads());
        ReplicationManager replication = null;
        PersistenceManager persistence = null;
        ClusterService cluster = null;
        try {
            var loops = server.loops();
            Keyspace keyspace = new Keyspace(loops);
            PubSub pubsub = new PubSub(loops);
            CommandRegistry registry = Commands.registry();
            NodeKeyspaceAccess access = new NodeKeyspaceAccess(keyspace, pubsub);
            replication = new ReplicationManager(ReplicationOptions.from(options, options.port()), keyspace);
            persistence = new PersistenceManager(PersistenceOptions.from(options), keyspace, replication);
            // cluster-enabled no keeps a standalone node (CLUSTER answers "cluster support disabled").
            cluster = options.clusterEnabled()
                    ? new ClusterManager(clusterOptions(options), access, replication,
                            io.slotgate.node.cluster.gossip.BusSecret.from(options.extras()))
                    : new StandaloneCluster(false, options.bind(), options.port(), options.effectiveClusterPort());
            byte[] id = new byte[20];
            new SecureRandom().nextBytes(id);
            long bulkLimit = Math.min(options.protoMaxBulkLen(), options.clientQueryBufferLimit());
            RespLimits limits = new RespLimits(bulkLimit, RespLimits.DEFAULT_MAX_MULTIBULK_LENGTH,
                    RespLimits.DEFAULT_MAX_INLINE_LENGTH);
            Supplier<ChannelHandler> decoders = decoderFactory != null ? decoderFactory
                    : () -> new RespRequestDecoder(limits);
            var acl = new io.slotgate.node.acl.AclUsers(new io.slotgate.node.acl.AclCommandTable(registry),
                    options.requirepass());
            NodeContext context = new NodeContext(options, new LiveConfig(options, acl), keyspace, cluster,
                    new ClientRegistry(), pubsub, new ServerStats(), registry, HexFormat.of().formatHex(id),
                    System.currentTimeMillis(), options.port(), replication, persistence);
            Dispatcher dispatcher = new Dispatcher(context);
            int bound = server.bind(options.bind(), options.port(), context, dispatcher, decoders);
            replication.start(context, bound);
            // the data loads before the cluster engine starts (no master link meanwhile); clients get LOADING
            persistence.loadAndStart(context);
            cluster.start();
            persistence.checkSlots(cluster, options.clusterEnabled());
            keyspace.startActiveExpiry(options.hz());
            log.info("node listening on {}:{} with {} partitions (access={})", options.bind(), bound,
                    keyspace.partitionCount(), access.getClass().getSimpleName());
            return new Node(server, cluster, context, replication, persistence, bound);
        } catch (Exception | Error e) {
            if (cluster != null) {
                cluster.close();
            }
            if (persistence != null) {
                persistence.close();
            }
            if (replication != null) {
                replication.close();
            }
            server.close();
            throw e;
        }
    }

    private static ClusterOptions clusterOptions(NodeOptions options) {
        if (options.port() == 0) {
            throw new IllegalArgumentException("cluster mode needs an explicit --port (its bus port is derived from it)");
        }
        return new ClusterOptions(options.bind(), options.extras().get("cluster-announce-ip"), options.port(),
                options.effectiveClusterPort(), options.clusterNodeTimeout(),
                options.dir().resolve(options.clusterConfigFile()), ClusterOptions.DEFAULT_REQUIRE_FULL_COVERAGE)
                .withSettings(options.extras());
    }

    /** The bound client port (useful with port 0). */
    public int port() {
        return port;
    }

    public int clusterPort() {
        return context.options().effectiveClusterPort();
    }

    public NodeContext context() {
        return context;
    }

    /** Both sides of replication; the cluster engine drives it as its {@code ReplicationControl}. */
    public ReplicationManager replication() {
        return replication;
    }

    /** AOF and snapshots. */
    public PersistenceManager persistence() {
        return persistence;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            try {
                server.close();
            } finally {
                try {
                    replication.close();
                } finally {
                    persistence.close();
                }
            }
        }
    }
}

package io.slotgate.node.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.node.cluster.ClusterService;
import io.slotgate.node.cluster.ClusterView;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cluster as seen by a node alone: it serves every slot and knows no peers. Used when cluster mode is off
 * ({@code cluster-enabled no}: CLUSTER answers "cluster support disabled"), and as a single-node cluster until
 * the real engine ({@code io.slotgate.node.cluster.ClusterManager}) is wired in.
 */
public final class StandaloneCluster implements ClusterService {

    private final boolean clusterEnabled;
    private final String host;
    private final int port;
    private final int busPort;
    private final String myId;
    private final ClusterView view;

    public StandaloneCluster(boolean clusterEnabled, String host, int port, int busPort) {
        this.clusterEnabled = clusterEnabled;
        this.host = host;
        this.port = port;
        this.busPort = busPort;
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        this.myId = HexFormat.of().formatHex(id);
        this.view = new ClusterView() {
            @Override
            public String myId() {
                return myId;
            }

            @Override
            public boolean isReplica() {
                return false;
            }

            @Override
            public String redirect(int slot, boolean write, boolean clientReadonly, boolean asking) {
                return null;
            }

            @Override
            public String state() {
                return "ok";
            }

            @Override
            public String infoSection() {
                return "cluster_enabled:" + (clusterEnabled ? 1 : 0) + "\r\n";
            }
        };
    }

    @Override
    public ClusterView view() {
        return view;
    }

    @Override
    public CompletionStage<ByteBuf> execute(RespRequest request) {
        ByteBuf out = Unpooled.buffer();
        if (!clusterEnabled) {
            RespWriter.writeError(out, "ERR This instance has cluster support disabled");
            return CompletableFuture.completedFuture(out);
        }
        String sub = request.argCount() > 1 ? request.argString(1).toLowerCase(Locale.ROOT) : "";
        switch (sub) {
            case "info" -> RespWriter.writeBulk(out, "cluster_state:ok\r\ncluster_slots_assigned:16384\r\n"
                    + "cluster_slots_ok:16384\r\ncluster_slots_pfail:0\r\ncluster_slots_fail:0\r\n"
                    + "cluster_known_nodes:1\r\ncluster_size:1\r\ncluster_current_epoch:1\r\n"
                    + "cluster_my_epoch:1\r\ncluster_stats_messages_sent:0\r\n"
                    + "cluster_stats_messages_received:0\r\ntotal_cluster_links_buffer_limit_exceeded:0\r\n");
            case "myid" -> RespWriter.writeBulk(out, myId);
            case "nodes" -> RespWriter.writeBulk(out, myId + " " + host + ":" + port + "@" + busPort
                    + " myself,master - 0 0 1 connected 0-16383\n");
            case "slots" -> {
                RespWriter.writeArrayHeader(out, 1);
                RespWriter.writeArrayHeader(out, 3);
                RespWriter.writeInteger(out, 0);
                RespWriter.writeInteger(out, 16383);
                RespWriter.writeArrayHeader(out, 4);
                RespWriter.writeBulk(out, host);
                RespWriter.writeInteger(out, port);
                RespWriter.writeBulk(out, myId);
                RespWriter.writeArrayHeader(out, 0);
            }
            default -> RespWriter.writeError(out, "ERR unknown subcommand '" + request.argString(1)
                    + "'. Try CLUSTER HELP.");
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public void broadcastPublish(byte[] channel, byte[] message) {
        // no peers
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
    }
}

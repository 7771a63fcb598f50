package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.slotgate.node.server.ClientSession;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The master's view of one attached replica (a client connection that sent PSYNC or SYNC). Owned by the
 * replication loop; the bytes it sends go straight to the connection's channel.
 */
final class ReplicaLink {

    /** Names as INFO shows them (replication.md §7). */
    enum State {
        WAIT_BGSAVE("wait_bgsave"), SEND_BULK("send_bulk"), ONLINE("online");

        final String info;

        State(String info) {
            this.info = info;
        }
    }

    final ClientSession session;
    final Channel channel;
    final ReplicaHandshake handshake;
    /** Plain SYNC: no +FULLRESYNC line before the payload. */
    final boolean plainSync;
    // volatile: INFO and ROLE read them from client loops
    volatile State state;
    volatile long ackOffset;
    volatile long ackMillis = System.currentTimeMillis();
    /** Stream bytes produced while the snapshot is being sent; they follow it. */
    private final List<ByteBuf> pending = new ArrayList<>();

    ReplicaLink(ClientSession session, ReplicaHandshake handshake, boolean plainSync, State state) {
        this.session = session;
        this.channel = session.channel();
        this.handshake = handshake;
        this.plainSync = plainSync;
        this.state = state;
    }

    String ip() {
        if (handshake.ipAddress() != null) {
            return handshake.ipAddress();
        }
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    /** A piece of the replication stream (not consumed; retained as needed). */
    void stream(ByteBuf bytes) {
        switch (state) {
            case ONLINE -> channel.write(bytes.retainedDuplicate(), channel.voidPromise());
            case SEND_BULK -> pending.add(bytes.retainedDuplicate());
            case WAIT_BGSAVE -> {
                // its stream starts at the snapshot's offset
            }
        }
    }

    void write(ByteBuf bytes) {
        channel.write(bytes, channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    /** The snapshot went out: what accumulated meanwhile follows, then the live stream. */
    void goOnline() {
        for (ByteBuf b : pending) {
            channel.write(b, channel.voidPromise());
        }
        pending.clear();
        state = State.ONLINE;
        ackMillis = System.currentTimeMillis();
        channel.flush();
    }

    void dropPending() {
        pending.forEach(ByteBuf::release);
        pending.clear();
    }
}

package io.slotgate.proxy.backend;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.slotgate.proxy.stats.BackendStats;
import io.slotgate.routing.resp.RespReplyDecoder;
import io.slotgate.routing.resp.RespWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * One pipelined connection from one event loop to one backend server. Requests are written as the clients' own
 * bytes and matched to replies in order; replies are handed on as retained slices of the received bytes.
 * <p>
 * Every connection starts with AUTH (when a cluster password is set), then READONLY if the slot map lists the node
 * as a replica. When the map changes the node's role, the next request is preceded by READONLY or READWRITE: a
 * READONLY connection to a master that was demoted behind the proxy's back would serve reads meant for the master
 * from the demoted node's lagging copy instead of answering MOVED (cluster-protocol.md §2.3).
 * Owned by its event loop: no method may be called from another thread.
 */
public final class BackendConnection extends Flushable {

    private static final Logger log = LoggerFactory.getLogger(BackendConnection.class);

    private enum State { CONNECTING, OPEN, CLOSED }

    private final BackendServer server;
    private final LoopBackends loop;
    private final ArrayDeque<InflightEntry> inflight = new ArrayDeque<>();
    private ArrayList<ByteBuf> pendingWrites = new ArrayList<>();
    private State state = State.CONNECTING;
    /** Whether READONLY (rather than READWRITE, the default) is the mode last sent on this connection. */
    private boolean readonly;
    private String closedReason;
    private Channel channel;
    private WriteCoalescer out;
    /*
     * Counts not yet added to the server's shared stats. They are published once per flush or read batch instead
     * of five LongAdder updates per request (each an atomic CAS on the hot path); INFO lags by one loop iteration.
     */
    private long unpublishedRequests;
    private long unpublishedBytesOut;
    private long unpublishedResponses;
    private long unpublishedBytesIn;
    private long unpublishedErrors;

    BackendConnection(BackendServer server, LoopBackends loop) {
        this.server = server;
        this.loop = loop;
    }

    public BackendServer server() {
        return server;
    }

    void connect() {
        BackendSettings settings = loop.settings();
        InetSocketAddress address;
        try {
            address = settings.resolver().resolve(server.hostPort());
        } catch (Exception e) {
            fail("ERR slotgate: cannot resolve server " + server.address() + ": " + e.getMessage());
            return;
        }
        Bootstrap b = new Bootstrap().group(loop.eventLoop()).channel(settings.transport().socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, settings.serverTimeoutMillis()))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RespReplyDecoder(), new ReplyHandler());
                    }
                });
        long keepaliveSeconds = settings.keepalive().toSeconds();
        if (keepaliveSeconds > 0) {
            b.option(ChannelOption.SO_KEEPALIVE, true);
            if (settings.transport() == BackendTransport.EPOLL) {
                b.option(EpollChannelOption.TCP_KEEPIDLE, (int) keepaliveSeconds);
            }
        }
        if (!settings.password().isEmpty()) {
            queueHandshake("AUTH", settings.password());
        }
        readonly = server.isReplica();
        if (readonly) {
            queueHandshake("READONLY");
        }
        ChannelFuture f = b.connect(address);
        channel = f.channel();
        f.addListener(done -> {
            if (done.isSuccess()) {
                onConnected();
            } else {
                Throwable cause = done.cause();
                fail("ERR slotgate: cannot connect to server " + server.address() + ": "
                        + (cause == null ? "unknown error" : oneLine(cause.getMessage())));
            }
        });
    }

    private void queueHandshake(String... command) {
        ByteBuf buf = Unpooled.buffer(64);
        RespWriter.writeCommand(buf, command);
        HandshakeEntry entry = new HandshakeEntry(command[0]);
        entry.sentAtNanos = System.nanoTime();
        inflight.add(entry);
        pendingWrites.add(buf);
    }

    private void onConnected() {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.OPEN;
        server.stats().connections.incrementAndGet();
        out = new WriteCoalescer(channel);
        for (ByteBuf b : pendingWrites) {
            out.write(b);
        }
        pendingWrites = null;
        out.flush();
        publishStats();
    }

    /**
     * Sends one request; its reply (or failure) goes to {@code entry}. The frame's readable bytes are written
     * (small frames copied); the caller keeps its reference and reader index, so it may send the frame again after
     * a redirect. The flush happens once at the end of the loop iteration.
     */
    public void send(InflightEntry entry, ByteBuf frame) {
        matchRole();
        sendAsIs(entry, frame);
    }

    private void sendAsIs(InflightEntry entry, ByteBuf frame) {
        if (state == State.CLOSED) {
            entry.onFailure(closedReason, this);
            return;
        }
        entry.sentAtNanos = entry.sendTimeNanos();
        inflight.add(entry);
        unpublishedRequests++;
        unpublishedBytesOut += frame.readableBytes();
        if (state == State.OPEN) {
            out.writeCopy(frame);
            loop.batcher().markDirty(this);
        } else {
            pendingWrites.add(frame.retain().duplicate());
        }
    }

    /** Sends ASKING followed by the request, for an ASK redirect (cluster-protocol.md §2.2). */
    public void sendAsking(InflightEntry entry, ByteBuf frame) {
        matchRole();
        queueAsking();
        sendAsIs(entry, frame);
    }

    /**
     * Sends a frame that yields several replies (MULTI, queued commands, EXEC): {@code preceding} receive the
     * first replies in order, {@code entry} the last. The frame is written in one piece, so no other client's
     * request can land inside the transaction on this shared connection.
     */
    public void sendBlock(InflightEntry[] preceding, InflightEntry entry, ByteBuf frame, boolean asking) {
        matchRole();
        if (state != State.CLOSED) {
            if (asking) {
                queueAsking();
            }
            long now = System.nanoTime();
            for (InflightEntry p : preceding) {
                p.sentAtNanos = now;
                inflight.add(p);
            }
        }
        sendAsIs(entry, frame);
    }

    /** Puts READONLY or READWRITE ahead of the next request when the node's role in the slot map changed. */
    private void matchRole() {
        boolean replica = server.isReplica();
        if (replica != readonly && state != State.CLOSED) {
            readonly = replica;
            queueControl(replica ? "READONLY" : "READWRITE");
        }
    }

    private void queueAsking() {
        queueControl("ASKING");
    }

    /** A command whose +OK is swallowed, written ahead of the next request. */
    private void queueControl(String command) {
        if (state == State.CLOSED) {
            return;
        }
        ByteBuf buf = Unpooled.buffer(24);
        RespWriter.writeCommand(buf, command);
        HandshakeEntry controlEntry = new HandshakeEntry(command);
        controlEntry.sentAtNanos = System.nanoTime();
        inflight.add(controlEntry);
        if (state == State.OPEN) {
            out.write(buf);
        } else {
            pendingWrites.add(buf);
        }
    }

    @Override
    protected void flushNow() {
        if (state == State.OPEN) {
            out.flush();
        }
        publishStats();
    }

    public int inflightCount() {
        return inflight.size();
    }

    /** Fails the connection if its oldest request waited longer than server-timeout. */
    void checkTimeout(long nowNanos) {
        InflightEntry head = inflight.peek();
        if (head != null && nowNanos - head.sentAtNanos > loop.settings().serverTimeoutNanos()) {
            fail("ERR slotgate: server " + server.address() + " did not answer within "
                    + loop.settings().serverTimeoutMillis() + " ms");
        }
    }

    /**
     * Closes the connection without counting a failure (a dedicated connection whose blocking command ended or
     * whose client left, a node that left the cluster, shutdown). Anything still waiting gets {@code reason}.
     */
    public void closeQuietly(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        close(reason);
        failInflight(reason);
    }

    /** Counts a failure, closes the connection and fails everything waiting on it. */
    void fail(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        log.debug("backend connection to {} failed: {}", server.address(), reason);
        close(reason);
        if (server.recordFailure(loop.settings().failureLimit(), loop.settings().retryNanos())) {
            log.warn("reads of {} move to the next read group", server.address());
        }
        loop.settings().refreshTrigger().run();
        failInflight(reason);
    }

    private void close(String reason) {
        if (state == State.OPEN) {
            server.stats().connections.decrementAndGet();
        }
        state = State.CLOSED;
        closedReason = reason;
        publishStats();
        if (out != null) {
            out.discard();
        }
        loop.remove(this);
        if (pendingWrites != null) {
            for (ByteBuf b : pendingWrites) {
                b.release();
            }
            pendingWrites = null;
        }
        if (channel != null) {
            channel.close();
        }
    }

    private void failInflight(String reason) {
        InflightEntry e;
        while ((e = inflight.poll()) != null) {
            e.onFailure(reason, this);
        }
    }

    private void onReply(ByteBuf reply) {
        InflightEntry entry = inflight.poll();
        if (entry == null) {
            reply.release();
            fail("ERR slotgate: server " + server.address() + " sent a reply nobody asked for");
            return;
        }
        unpublishedResponses++;
        unpublishedBytesIn += reply.readableBytes();
        if (reply.getByte(reply.readerIndex()) == '-') {
            unpublishedErrors++;
        }
        server.recordSuccess();
        entry.onReply(reply, this);
    }

    private void publishStats() {
        BackendStats stats = server.stats();
        if (unpublishedRequests != 0) {
            stats.requests.add(unpublishedRequests);
            stats.bytesOut.add(unpublishedBytesOut);
            unpublishedRequests = 0;
            unpublishedBytesOut = 0;
        }
        if (unpublishedResponses != 0) {
            stats.responses.add(unpublishedResponses);
            stats.bytesIn.add(unpublishedBytesIn);
            unpublishedResponses = 0;
            unpublishedBytesIn = 0;
        }
        if (unpublishedErrors != 0) {
            stats.errors.add(unpublishedErrors);
            unpublishedErrors = 0;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }

    /** Inbound side of the backend channel. */
    private final class ReplyHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state == State.CLOSED) {
                ((ByteBuf) msg).release();
                return;
            }
            onReply((ByteBuf) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            publishStats();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (state == State.CLOSED) {
                return;
            }
            if (inflight.isEmpty()) {
                closeQuietly("ERR slotgate: connection to server " + server.address() + " closed");
            } else {
                fail("ERR slotgate: connection to server " + server.address() + " lost");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail("ERR slotgate: connection to server " + server.address() + " failed: "
                    + oneLine(cause.getMessage()));
        }
    }

    /** The reply to AUTH, READONLY, READWRITE or ASKING: +OK is swallowed; anything else fails the connection. */
    private final class HandshakeEntry extends InflightEntry {
        private final String command;

        HandshakeEntry(String command) {
            this.command = command;
        }

        @Override
        public void onReply(ByteBuf reply, BackendConnection from) {
            boolean ok = reply.getByte(reply.readerIndex()) == '+';
            String text = ok ? "" : oneLine(reply.toString(reply.readerIndex() + 1,
                    Math.max(0, reply.readableBytes() - 3), StandardCharsets.UTF_8));
            reply.release();
            if (!ok) {
                fail("ERR slotgate: server " + server.address() + " rejected " + command + ": " + text);
            }
        }

        @Override
        public void onFailure(String errorText, BackendConnection from) {
            // the connection's own failure is reported to the real requests
        }
    }
}

package io.slotgate.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.timeout.IdleStateEvent;
import io.slotgate.proxy.backend.BackendConnection;
import io.slotgate.proxy.backend.Flushable;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.backend.WriteCoalescer;
import io.slotgate.proxy.routing.DedicatedConnections;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.routing.Transaction;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.resp.RespProtocolError;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client: decodes its requests, hands them to the dispatcher, and writes the replies strictly in request
 * order. Backpressure: when too many requests are in flight or the socket's send buffer is full, the proxy stops
 * reading from this client until it catches up; if unsent replies still pile up beyond the hard limit, the
 * client is disconnected with a log line. Owned by its event loop.
 */
public final class ClientConnection extends Flushable implements DedicatedConnections {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final Channel channel;
    /** Replies gathered during a loop iteration, written to the socket as one buffer at the flush. */
    private final WriteCoalescer out;
    private final LoopBackends loop;
    private final RequestHandler dispatcher;
    private final ProxyStats stats;
    private final int maxPending;
    private final long maxOutputBytes;
    private final ArrayDeque<ReplySlot> replies = new ArrayDeque<>();
    /** Connections held by this client's blocking commands; closed if the client leaves first. */
    private final ArrayList<BackendConnection> dedicated = new ArrayList<>(0);
    private final long id = IDS.incrementAndGet();
    private boolean closing;
    private boolean closed;
    private boolean readingPaused;
    private boolean authenticated;
    private String name = "";
    private Transaction transaction;

    ClientConnection(Channel channel, LoopBackends loop, RequestHandler dispatcher, ProxyStats stats,
                     int maxPending, long maxOutputBytes, boolean authenticated) {
        this.channel = channel;
        this.out = new WriteCoalescer(channel);
        this.loop = loop;
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.maxPending = maxPending;
        this.maxOutputBytes = maxOutputBytes;
        this.authenticated = authenticated;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** The open MULTI block, or null. */
    public Transaction transaction() {
        return transaction;
    }

    public void setTransaction(Transaction transaction) {
        this.transaction = transaction;
    }

    /** The backend connections of this client's event loop. */
    public LoopBackends loop() {
        return loop;
    }

    @Override
    public void opened(BackendConnection connection) {
        dedicated.add(connection);
    }

    @Override
    public void finished(BackendConnection connection) {
        dedicated.remove(connection);
    }

    /** Reserves the next place in the reply order. */
    public ReplySlot newSlot() {
        ReplySlot slot = new ReplySlot(this);
        replies.add(slot);
        if (replies.size() >= maxPending && !readingPaused) {
            pauseReading();
        }
        return slot;
    }

    void onSlotFilled() {
        ReplySlot head;
        boolean wrote = false;
        while ((head = replies.peek()) != null && head.reply != null) {
            replies.poll();
            ByteBuf r = head.reply;
            head.reply = null;
            if (closing || closed) {
                r.release();
                continue;
            }
            if (ErrorReplies.isError(r)) {
                stats.errorReplies.increment();
            }
            out.write(r);
            wrote = true;
            if (head.closeAfter) {
                closing = true;
            }
        }
        if (wrote || closing) {
            loop.batcher().markDirty(this);
        }
        if (readingPaused && !closing && replies.size() <= maxPending / 2 && channel.isWritable()) {
            resumeReading();
        }
    }

    @Override
    protected void flushNow() {
        if (closed) {
            out.discard();
            return;
        }
        out.flush();
        if (closing) {
            channel.close();
            return;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        if (out != null && out.totalPendingWriteBytes() > maxOutputBytes) {
            log.warn("closing client id={} addr={}: {} bytes of replies unsent (limit {}); the client reads too "
                    + "slowly", id, channel.remoteAddress(), out.totalPendingWriteBytes(), maxOutputBytes);
            closing = true;
            channel.close();
        }
    }

    private void pauseReading() {
        readingPaused = true;
        channel.config().setAutoRead(false);
    }

    private void resumeReading() {
        readingPaused = false;
        channel.config().setAutoRead(true);
    }

    /** Netty side of the client channel. */
    final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing || closed) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof RespRequest request) {
                dispatcher.handle(ClientConnection.this, request);
            } else if (msg instanceof RespProtocolError error) {
                newSlot().completeAndClose(ErrorReplies.of(error.errorText()));
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (!channel.isWritable()) {
                if (!readingPaused) {
                    pauseReading();
                }
            } else if (readingPaused && replies.size() <= maxPending / 2) {
                resumeReading();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                log.debug("closing idle client id={} addr={}", id, channel.remoteAddress());
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed = true;
            out.discard();
            stats.clients.decrementAndGet();
            for (BackendConnection c : new ArrayList<>(dedicated)) {
                c.closeQuietly("ERR slotgate: client disconnected");
            }
            dedicated.clear();
            if (transaction != null) {
                transaction.discard();
                transaction = null;
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("client id={} error: {}", id, cause.toString());
            ctx.close();
        }
    }
}

package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The mutual challenge that opens a bus link when {@code cluster-bus-secret} is set (package-info, "Link
 * authentication"). Each side sends {@code "SGau"} and a 16-byte random nonce, answers the peer's nonce with
 * HMAC-SHA256(secret, label, nonce), and checks the peer's answer to its own. Until both are done, frames the
 * engine writes wait here and nothing reaches the frame decoder; a peer that sends anything else (a node without
 * the secret starts straight with "SGcb" frames), a wrong proof, or nothing within {@link #TIMEOUT_MS} loses the
 * link, with a log line.
 */
public final class BusAuthHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(BusAuthHandler.class);

    /** "SGau": chosen so it can never be mistaken for a frame's "SGcb" magic. */
    public static final int HELLO_MAGIC = 0x53476175;
    public static final int NONCE_LENGTH = 16;
    public static final int PROOF_LENGTH = 32;
    static final long TIMEOUT_MS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { AWAIT_HELLO, AWAIT_PROOF, OPEN, BROKEN }

    private final BusSecret secret;
    private final DropLog dropLog;
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final ArrayDeque<Object[]> held = new ArrayDeque<>();
    private State state = State.AWAIT_HELLO;
    private ByteBuf pending;
    private ScheduledFuture<?> timeout;

    public BusAuthHandler(BusSecret secret, DropLog dropLog) {
        this.secret = secret;
        this.dropLog = dropLog;
        RANDOM.nextBytes(nonce);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ByteBuf hello = ctx.alloc().buffer(4 + NONCE_LENGTH);
        hello.writeInt(HELLO_MAGIC).writeBytes(nonce);
        ctx.writeAndFlush(hello);
        timeout = ctx.executor().schedule(() -> {
            if (state != State.OPEN) {
                drop(ctx, "no authentication within " + TIMEOUT_MS + " ms");
            }
        }, TIMEOUT_MS, TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.OPEN) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf in = (ByteBuf) msg;
        if (state == State.BROKEN) {
            in.release();
            return;
        }
        pending = pending == null ? in : ctx.alloc().compositeBuffer().addComponents(true, pending, in);
        if (state == State.AWAIT_HELLO && pending.readableBytes() >= 4 + NONCE_LENGTH) {
            if (pending.readInt() != HELLO_MAGIC) {
                drop(ctx, "the peer did not present the cluster bus secret");
                return;
            }
            byte[] peerNonce = new byte[NONCE_LENGTH];
            pending.readBytes(peerNonce);
            ctx.writeAndFlush(ctx.alloc().buffer(PROOF_LENGTH).writeBytes(secret.proof(peerNonce)));
            state = State.AWAIT_PROOF;
        }
        if (state == State.AWAIT_PROOF && pending.readableBytes() >= PROOF_LENGTH) {
            byte[] proof = new byte[PROOF_LENGTH];
            pending.readBytes(proof);
            if (!secret.verify(nonce, proof)) {
                drop(ctx, "wrong cluster bus secret");
                return;
            }
            open(ctx);
        }
    }

    private void open(ChannelHandlerContext ctx) {
        state = State.OPEN;
        if (timeout != null) {
            timeout.cancel(false);
        }
        Object[] w;
        while ((w = held.poll()) != null) {
            ctx.write(w[0], (ChannelPromise) w[1]);
        }
        ctx.flush();
        ByteBuf rest = pending;
        pending = null;
        if (rest.isReadable()) {
            ctx.fireChannelRead(rest);
        } else {
            rest.release();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (state == State.OPEN) {
            ctx.write(msg, promise);
        } else if (state == State.BROKEN) {
            ReferenceCountUtil.release(msg);
        } else {
            held.add(new Object[] {msg, promise});
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (state == State.OPEN) {
            ctx.flush();
        }
    }

    private void drop(ChannelHandlerContext ctx, String why) {
        dropLog.dropped(ctx.channel().remoteAddress(), ctx.channel().parent() != null, why);
        state = State.BROKEN;
        releaseAll();
        ctx.close();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseAll();
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    /**
     * Logs dropped links, at most one line per peer IP per {@link #QUIET_MS} (a stranger retries its link every
     * few hundred milliseconds). Used only on the cluster thread.
     */
    public static final class DropLog {

        static final long QUIET_MS = 30_000;
        private final java.util.Map<String, Long> lastLogged = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> suppressed = new java.util.HashMap<>();

        void dropped(java.net.SocketAddress peer, boolean inbound, String why) {
            String ip = peer instanceof java.net.InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
            long now = System.currentTimeMillis();
            Long last = lastLogged.get(ip);
            if (last != null && now - last < QUIET_MS) {
                suppressed.merge(ip, 1, Integer::sum);
                return;
            }
            if (lastLogged.size() > 1024) {
                lastLogged.clear();
                suppressed.clear();
            }
            Integer skipped = suppressed.remove(ip);
            lastLogged.put(ip, now);
            log.warn("Dropping cluster bus link {} ({}): {}{}", peer, inbound ? "inbound" : "outbound", why,
                    skipped == null ? "" : " (" + skipped + " more from this address not logged)");
        }
    }

    private void releaseAll() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        Object[] w;
        while ((w = held.poll()) != null) {
            ReferenceCountUtil.release(w[0]);
        }
    }
}

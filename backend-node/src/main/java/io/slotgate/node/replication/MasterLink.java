package io.slotgate.node.replication;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.slotgate.routing.resp.RespLimits;
import io.slotgate.routing.resp.RespProtocolError;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespRequestDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The replica's connection to its master's client port: the handshake of replication.md §1, the PSYNC reply,
 * the snapshot ({@code $<len>} or {@code $EOF:<mark>} form, §2.2) and then the command stream. Lives on the
 * replication loop.
 */
final class MasterLink {

    private static final Logger log = LoggerFactory.getLogger(MasterLink.class);
    static final int MAX_LINE = 64 * 1024;

    /** ROLE's link states (replication.md §7). */
    enum Phase {
        CONNECTING("connecting"), HANDSHAKE("handshake"), SYNC("sync"), CONNECTED("connected"), CLOSED("connect");

        final String role;

        Phase(String role) {
            this.role = role;
        }
    }

    final String host;
    final int port;
    private final ReplicationOptions options;
    private final MasterLinkListener listener;
    private Channel channel;
    private volatile Phase phase = Phase.CONNECTING;
    private volatile long lastIoMillis = System.currentTimeMillis();
    private volatile boolean closedByUs;
    private volatile long syncTotalBytes = -1;
    private volatile long syncReadBytes;

    MasterLink(String host, int port, ReplicationOptions options, MasterLinkListener listener) {
        this.host = host;
        this.port = port;
        this.options = options;
        this.listener = listener;
    }

    Phase phase() {
        return phase;
    }

    boolean isUp() {
        return phase == Phase.CONNECTED;
    }

    long lastIoMillis() {
        return lastIoMillis;
    }

    long syncTotalBytes() {
        return syncTotalBytes;
    }

    long syncReadBytes() {
        return syncReadBytes;
    }

    void connect(EventLoop loop) {
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new Protocol());
                    }
                });
        ChannelFuture f = b.connect(host, port);
        channel = f.channel();
        f.addListener(done -> {
            if (!done.isSuccess()) {
                down("connect failed: " + done.cause().getMessage());
            }
        });
        channel.closeFuture().addListener(x -> down("connection closed"));
    }

    /** Drops the link; no reconnect is reported for a link we closed. */
    void close() {
        closedByUs = true;
        phase = Phase.CLOSED;
        if (channel != null) {
            channel.close();
        }
    }

    /** Drops the link as a network failure would (CLIENT KILL TYPE master): the replica reconnects. */
    void kill() {
        if (channel != null) {
            channel.close();
        }
    }

    void sendAck(long offset) {
        if (phase == Phase.CONNECTED && channel.isActive()) {
            channel.writeAndFlush(StreamCommands.of("REPLCONF", "ACK", Long.toString(offset)), channel.voidPromise());
        }
    }

    private boolean reported;

    private void down(String reason) {
        Phase was = phase;
        phase = Phase.CLOSED;
        if (!closedByUs && !reported) {
            reported = true;
            log.info("link to master {}:{} down ({}), was {}", host, port, reason, was);
            listener.onLinkDown(this, reason);
        }
    }

    private static void send(ChannelHandlerContext ctx, String... args) {
        ctx.write(StreamCommands.of(args), ctx.voidPromise());
    }

    /** A fresh protocol handler (tests drive it through an EmbeddedChannel). */
    io.netty.channel.ChannelHandler newProtocol() {
        return new Protocol();
    }

    private enum State { PING_REPLY, HANDSHAKE_REPLIES, PSYNC_REPLY, BULK_HEADER, BULK_BODY, EOF_BODY, STREAM }

    /** The link's byte protocol as an explicit state machine; lines are bounded, the payload length is declared. */
    private final class Protocol extends ByteToMessageDecoder {

        private State state = State.PING_REPLY;
        private int repliesExpected;
        private boolean authSent;
        private long bulkLength;
        private byte[] eofMark;
        private int markScanned;
        private final RespRequestDecoder stream = new RespRequestDecoder(RespLimits.DEFAULT);
        private final List<Object> decoded = new ArrayList<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            phase = Phase.HANDSHAKE;
            send(ctx, "PING");
            ctx.flush();
            super.channelActive(ctx);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            lastIoMillis = System.currentTimeMillis();
            while (in.isReadable() && ctx.channel().isActive()) {
                switch (state) {
                    case PING_REPLY, HANDSHAKE_REPLIES, PSYNC_REPLY, BULK_HEADER -> {
                        String line = line(in);
                        if (line == null) {
                            return;
                        }
                        onLine(ctx, line);
                    }
                    case BULK_BODY -> {
                        syncReadBytes = in.readableBytes();
                        if (in.readableBytes() < bulkLength) {
                            return;
                        }
                        ByteBuf rdb = in.readRetainedSlice((int) bulkLength);
                        state = State.STREAM;
                        setCumulator(MERGE_CUMULATOR);
                        phase = Phase.CONNECTED;
                        listener.onSnapshot(MasterLink.this, rdb);
                    }
                    case EOF_BODY -> {
                        syncReadBytes = in.readableBytes();
                        int at = findMark(in);
                        if (at < 0) {
                            return;
                        }
                        ByteBuf rdb = in.readRetainedSlice(at - in.readerIndex());
                        in.skipBytes(eofMark.length);
                        state = State.STREAM;
                        setCumulator(MERGE_CUMULATOR);
                        phase = Phase.CONNECTED;
                        listener.onSnapshot(MasterLink.this, rdb);
                    }
                    case STREAM -> {
                        stream.decode(in, decoded);
                        for (Object o : decoded) {
                            if (o instanceof RespRequest r) {
                                listener.onCommand(MasterLink.this, r);
                            } else if (o instanceof RespProtocolError e) {
                                log.warn("bad replication stream from master: {}", e.message());
                                ctx.close();
                            }
                        }
                        decoded.clear();
                        return;
                    }
                }
            }
        }

        /**
         * Where the end mark starts, or -1. Nothing is consumed before it is found, so the bytes already searched
         * are counted from the reader index (which survives the cumulation's compaction); each byte is searched
         * about once across reads.
         */
        private int findMark(ByteBuf in) {
            int from = in.readerIndex() + markScanned;
            int n = in.writerIndex() - from;
            if (n >= eofMark.length) {
                int at = ByteBufUtil.indexOf(Unpooled.wrappedBuffer(eofMark), in.slice(from, n));
                if (at >= 0) {
                    return from + at;
                }
            }
            markScanned = Math.max(0, in.readableBytes() - eofMark.length + 1);
            return -1;
        }

        private String line(ByteBuf in) {
            int nl = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (nl < 0) {
                if (in.readableBytes() > MAX_LINE) {
                    throw new IllegalStateException("line from master too long");
                }
                return null;
            }
            int len = nl - in.readerIndex();
            String s = in.toString(in.readerIndex(), len, StandardCharsets.UTF_8);
            in.readerIndex(nl + 1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        private void onLine(ChannelHandlerContext ctx, String line) {
            switch (state) {
                case PING_REPLY -> {
                    if (line.startsWith("-") && !line.startsWith("-NOAUTH") && !line.startsWith("-NOPERM")
                            && !line.startsWith("-ERR operation not permitted")) {
                        fail(ctx, "PING: " + line);
                        return;
                    }
                    repliesExpected = 0;
                    if (options.masterauth() != null) {
                        if (options.masteruser() != null) {
                            send(ctx, "AUTH", options.masteruser(), options.masterauth());
                        } else {
                            send(ctx, "AUTH", options.masterauth());
                        }
                        authSent = true;
                        repliesExpected++;
                    }
                    send(ctx, "REPLCONF", "listening-port", Integer.toString(options.listeningPort()));
                    send(ctx, "REPLCONF", "capa", "eof", "capa", "psync2");
                    repliesExpected += 2;
                    ctx.flush();
                    state = State.HANDSHAKE_REPLIES;
                }
                case HANDSHAKE_REPLIES -> {
                    if (authSent && line.startsWith("-")) {
                        fail(ctx, "AUTH: " + line);
                        return;
                    }
                    authSent = false; // only the first reply of the batch answers AUTH; REPLCONF errors are ignored
                    if (--repliesExpected == 0) {
                        String[] psync = listener.psyncArguments();
                        send(ctx, "PSYNC", psync[0], psync[1]);
                        ctx.flush();
                        state = State.PSYNC_REPLY;
                    }
                }
                case PSYNC_REPLY -> {
                    if (line.isEmpty()) {
                        return; // keep-alive newline
                    }
                    if (line.startsWith("+FULLRESYNC")) {
                        String[] parts = line.split(" ");
                        if (parts.length < 3) {
                            fail(ctx, "bad reply " + line);
                            return;
                        }
                        phase = Phase.SYNC;
                        state = State.BULK_HEADER;
                        listener.onFullResync(MasterLink.this, parts[1], Long.parseLong(parts[2]));
                    } else if (line.startsWith("+CONTINUE")) {
                        String id = line.length() > 10 ? line.substring(10).trim() : null;
                        state = State.STREAM;
                        phase = Phase.CONNECTED;
                        listener.onContinue(MasterLink.this, id == null || id.isEmpty() ? null : id);
                    } else {
                        fail(ctx, "PSYNC: " + line);
                    }
                }
                case BULK_HEADER -> {
                    if (line.isEmpty()) {
                        return;
                    }
                    if (line.startsWith("$EOF:")) {
                        eofMark = line.substring(5).getBytes(StandardCharsets.US_ASCII);
                        markScanned = 0;
                        setCumulator(COMPOSITE_CUMULATOR);
                        state = State.EOF_BODY;
                    } else if (line.startsWith("$")) {
                        bulkLength = Long.parseLong(line.substring(1));
                        if (bulkLength < 0 || bulkLength > Integer.MAX_VALUE - 16) {
                            fail(ctx, "snapshot too large: " + line);
                            return;
                        }
                        syncTotalBytes = bulkLength;
                        state = State.BULK_BODY;
                        setCumulator(COMPOSITE_CUMULATOR); // a big payload: no re-copying as it grows
                    } else {
                        fail(ctx, "bad snapshot header " + line);
                    }
                }
                default -> {
                }
            }
        }

        private void fail(ChannelHandlerContext ctx, String why) {
            log.warn("replication handshake with {}:{} failed: {}", host, port, why);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("master link error: {}", cause.toString());
            ctx.close();
        }
    }
}

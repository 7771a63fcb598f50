package io.slotgate.node.cluster.gossip;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * The bus sockets: the listener on the bus port and outbound connects, all on the single cluster event loop so
 * every callback runs on the thread that owns the cluster state.
 */
public final class BusNetwork {

    private static final Logger log = LoggerFactory.getLogger(BusNetwork.class);
    private static final AttributeKey<BusLink> LINK = AttributeKey.valueOf("slotgate.busLink");
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final EventLoop loop;
    private final BusListener listener;
    private final int maxFrameLength;
    private final LongSupplier clock;
    /** Null when no cluster-bus-secret is set: links then start straight with frames. */
    private final BusSecret secret;
    private final BusAuthHandler.DropLog dropLog = new BusAuthHandler.DropLog();
    private Channel serverChannel;

    public BusNetwork(EventLoop loop, BusListener listener, int maxFrameLength, LongSupplier clock) {
        this(loop, listener, maxFrameLength, clock, null);
    }

    public BusNetwork(EventLoop loop, BusListener listener, int maxFrameLength, LongSupplier clock,
                      BusSecret secret) {
        this.loop = loop;
        this.listener = listener;
        this.maxFrameLength = maxFrameLength;
        this.clock = clock;
        this.secret = secret;
    }

    private void authenticateFirst(SocketChannel ch) {
        if (secret != null) {
            ch.pipeline().addFirst(new BusAuthHandler(secret, dropLog));
        }
    }

    /** Binds the bus port; blocks until bound. */
    public void listen(String bindAddress, int port) throws InterruptedException {
        ServerBootstrap sb = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        BusLink link = new BusLink(ch, true, clock.getAsLong());
                        ch.attr(LINK).set(link);
                        ch.pipeline().addLast(new BusFrameDecoder(maxFrameLength), new LinkHandler());
                        authenticateFirst(ch);
                    }
                });
        serverChannel = (bindAddress == null ? sb.bind(port) : sb.bind(bindAddress, port)).sync().channel();
    }

    /** Starts a non-blocking connect; the returned link is not connected until {@link BusListener#onConnected}. */
    public BusLink connect(String ip, int port) {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new BusFrameDecoder(maxFrameLength), new LinkHandler());
                        authenticateFirst(ch);
                    }
                });
        Channel ch = b.register().channel();
        BusLink link = new BusLink(ch, false, clock.getAsLong());
        ch.attr(LINK).set(link);
        ChannelFuture f = ch.connect(new java.net.InetSocketAddress(ip, port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                link.markConnected();
                listener.onConnected(link);
            } else {
                ch.close();
                listener.onConnectFailed(link);
            }
        });
        return link;
    }

    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** Looks the link up from the channel: an outbound channel is initialised before its link object exists. */
    private final class LinkHandler extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            BusLink link = ctx.channel().attr(LINK).get();
            StringBuilder problem = new StringBuilder();
            BusMessage msg = BusCodec.decode(frame, problem);
            if (msg == null) {
                // A whole frame that does not parse: ignore it, the link stays up (cluster-engine.md §2).
                log.warn("Ignoring malformed cluster bus message on link {}: {}", link, problem);
                return;
            }
            listener.onMessage(link, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            listener.onClosed(ctx.channel().attr(LINK).get());
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.info("Cluster bus link {} failed: {}", ctx.channel().attr(LINK).get(), cause.toString());
            ctx.close();
        }
    }
}

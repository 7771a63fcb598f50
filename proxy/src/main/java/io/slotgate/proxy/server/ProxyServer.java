package io.slotgate.proxy.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.timeout.IdleStateHandler;
import io.slotgate.proxy.backend.BackendTransport;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.resp.RespRequestDecoder;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The client-facing listener: accepts clients onto the event loops and sets up their pipelines. */
public final class ProxyServer {

    /** Per-client socket send buffer marks: above high the proxy stops reading from that client. */
    private static final WriteBufferWaterMark CLIENT_WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

    private final Channel serverChannel;

    private ProxyServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /**
     * Binds the listener. Each client is served on the loop it was accepted onto, with that loop's backend
     * connections.
     */
    public static ProxyServer bind(ProxyOptions options, BackendTransport transport, EventLoopGroup group,
                                   Map<EventLoop, LoopBackends> loops, RequestHandler handler, ProxyStats stats)
            throws InterruptedException {
        long idleSeconds = options.clientTimeout().toMillis();
        boolean needsAuth = !options.password().isEmpty();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, CLIENT_WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        stats.connectionsReceived.increment();
                        if (stats.clients.incrementAndGet() > options.maxClients()) {
                            stats.clients.decrementAndGet();
                            stats.rejectedConnections.increment();
                            ch.writeAndFlush(ErrorReplies.of("ERR max number of clients reached"))
                                    .addListener(ChannelFutureListener.CLOSE);
                            return;
                        }
                        LoopBackends loop = loops.get(ch.eventLoop());
                        ClientConnection client = new ClientConnection(ch, loop, handler, stats,
                                options.maxPendingRequests(), options.maxOutputBufferBytes(), !needsAuth);
                        if (idleSeconds > 0) {
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.MILLISECONDS));
                        }
                        ch.pipeline().addLast(new RespRequestDecoder(), client.new Handler());
                    }
                });
        String host = options.bind().host();
        Channel ch = b.bind(new InetSocketAddress(host, options.bind().port())).sync().channel();
        return new ProxyServer(ch);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}

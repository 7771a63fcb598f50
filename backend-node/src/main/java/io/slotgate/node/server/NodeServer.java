package io.slotgate.node.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.slotgate.node.command.Dispatcher;
import io.slotgate.node.command.NodeContext;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client listener: native epoll when available, else NIO. The worker loops double as the keyspace
 * partition owners, so a client whose keys live on its own loop never changes threads.
 */
public final class NodeServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> channelClass;
    private Channel serverChannel;

    public NodeServer(int ioThreads) {
        if (Epoll.isAvailable()) {
            boss = new EpollEventLoopGroup(1, new DefaultThreadFactory("node-accept"));
            workers = new EpollEventLoopGroup(ioThreads, new DefaultThreadFactory("node-io"));
            channelClass = EpollServerSocketChannel.class;
        } else {
            boss = new NioEventLoopGroup(1, new DefaultThreadFactory("node-accept"));
            workers = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("node-io"));
            channelClass = NioServerSocketChannel.class;
        }
    }

    /** The worker loops in a fixed order: loop i owns keyspace partition i. */
    public EventExecutor[] loops() {
        List<EventExecutor> list = new ArrayList<>();
        workers.iterator().forEachRemaining(list::add);
        return list.toArray(EventExecutor[]::new);
    }

    /** Binds the listener; returns the bound port. */
    public int bind(String host, int port, NodeContext node, Dispatcher dispatcher,
                    Supplier<ChannelHandler> decoderFactory) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelClass)
                .option(ChannelOption.SO_BACKLOG, 511)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("decoder", decoderFactory.get());
                        ch.pipeline().addLast("client", new ClientHandler(node, dispatcher));
                    }
                });
        serverChannel = b.bind(host, port).sync().channel();
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

package io.slotgate.node.cluster;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.slotgate.routing.resp.RespProtocolError;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespRequestDecoder;
import io.slotgate.routing.resp.RespWriter;

/**
 * A test-only client port for a {@link ClusterManager}: just enough commands (CLUSTER, INFO, PING, DBSIZE) for
 * redis-cli's --cluster subcommands, so the engine can be checked against the real tool before the node's client
 * side exists. Replies are written in request order because every command here answers in order.
 */
final class MiniClientFront implements AutoCloseable {

    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;

    MiniClientFront(ClusterManager manager, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new RespRequestDecoder(), new Handler(manager));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final ClusterManager manager;

        Handler(ClusterManager manager) {
            this.manager = manager;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof RespProtocolError e) {
                ByteBuf out = ctx.alloc().buffer();
                RespWriter.writeError(out, e.errorText());
                ctx.writeAndFlush(out).addListener(f -> ctx.close());
                return;
            }
            RespRequest req = (RespRequest) msg;
            String cmd = req.argString(0).toUpperCase();
            if (cmd.equals("CLUSTER")) {
                // Block this test connection until the reply is there, which keeps replies in order.
                ByteBuf reply = manager.execute(req).toCompletableFuture().join();
                req.release();
                ctx.writeAndFlush(reply);
                return;
            }
            ByteBuf out = ctx.alloc().buffer();
            switch (cmd) {
                case "PING" -> RespWriter.writeSimple(out, "PONG");
                case "DBSIZE" -> RespWriter.writeInteger(out, 0);
                case "INFO" -> RespWriter.writeBulk(out, "# Server\r\nredis_version:7.0.15\r\n\r\n# Cluster\r\n"
                        + manager.view().infoSection());
                default -> RespWriter.writeError(out, "ERR unknown command '" + req.argString(0) + "'");
            }
            req.release();
            ctx.writeAndFlush(out);
        }
    }
}

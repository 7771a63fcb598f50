package io.slotgate.node.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.Dispatcher;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.store.Bytes;
import io.slotgate.routing.resp.RespProtocolError;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The last handler of a client pipeline: session lifecycle, limits, and requests into the dispatcher. */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);

    private final NodeContext node;
    private final Dispatcher dispatcher;
    private ClientSession session;

    ClientHandler(NodeContext node, Dispatcher dispatcher) {
        this.node = node;
        this.dispatcher = dispatcher;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        node.stats().connectionsReceived.increment();
        if (node.clients().count() >= node.config().maxclients()) {
            node.stats().rejectedConnections.increment();
            ctx.writeAndFlush(Unpooled.copiedBuffer("-ERR max number of clients reached\r\n",
                    StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (io.slotgate.node.acl.ProtectedMode.refuses(node.config().protectedMode(), node.config().acl(),
                ctx.channel().remoteAddress())) {
            node.stats().rejectedConnections.increment();
            ctx.writeAndFlush(Unpooled.copiedBuffer("-" + io.slotgate.node.acl.ProtectedMode.DENIED + "\r\n",
                    StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        session = new ClientSession(node.clients().nextId(), ctx.channel(), node.config(), node.stats());
        session.onUnblocked(() -> dispatcher.resume(session));
        node.clients().add(session);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null || session.isClosed()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        session.setInRead(true);
        if (msg instanceof RespRequest request) {
            session.noteInput(request.frame().readableBytes());
            dispatcher.dispatch(session, request);
        } else if (msg instanceof RespProtocolError error) {
            // Redis answers the protocol error and closes the connection (networking.c).
            log.debug("client id={} protocol error: {}", session.id(), error.message());
            ByteBuf b = ctx.alloc().buffer();
            RespWriter.writeError(b, error.errorText());
            Call c = Call.ofReply(b);
            if (session.hasPendingReplies()) {
                session.enqueue(c);
            } else {
                session.writeNow(c.takeReply());
            }
            session.closeAfterReplies();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            session.setInRead(false);
            session.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.markClosed();
            node.stats().netInputBytes.add(session.netIn());
            node.stats().netOutputBytes.add(session.netOut());
            node.stats().commandsProcessed.add(session.commands());
            node.clients().remove(session);
            for (Bytes ch : session.channels()) {
                node.pubsub().unsubscribe(session, ch);
            }
            for (Bytes p : session.patterns()) {
                node.pubsub().punsubscribe(session, p);
            }
            for (Bytes ch : session.shardChannels()) {
                node.pubsub().sunsubscribe(session, ch);
            }
            session.releaseAll();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            log.warn("client connection error, closing", cause);
        }
        ctx.close();
    }
}

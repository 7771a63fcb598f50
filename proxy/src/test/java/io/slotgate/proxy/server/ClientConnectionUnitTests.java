package io.slotgate.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotgate.proxy.backend.AddressResolver;
import io.slotgate.proxy.backend.BackendSettings;
import io.slotgate.proxy.backend.BackendTransport;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.resp.RespRequestDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConnectionUnitTests {

    private final List<ReplySlot> slots = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void release() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private ClientConnection connect(int maxPending) {
        channel = new EmbeddedChannel();
        BackendSettings settings = new BackendSettings(Duration.ofSeconds(1).toNanos(), 10, 1_000_000_000L, "",
                Duration.ZERO, BackendTransport.NIO, new AddressResolver(Duration.ofSeconds(1)), () -> { });
        LoopBackends loop = new LoopBackends(channel.eventLoop(), settings);
        RequestHandler recorder = (client, request) -> {
            names.add(request.argString(0) + (request.argCount() > 1 ? " " + request.argString(1) : ""));
            request.release();
            slots.add(client.newSlot());
        };
        ClientConnection client = new ClientConnection(channel, loop, recorder,
                new ProxyStats(new SimpleMeterRegistry()), maxPending, 1 << 20, true);
        channel.pipeline().addLast(new RespRequestDecoder(), client.new Handler());
        return client;
    }

    @Test
    void shouldWriteRepliesInRequestOrderWhateverOrderTheyComplete() {
        connect(100);
        channel.writeInbound(bytes("*2\r\n$3\r\nGET\r\n$1\r\na\r\n*2\r\n$3\r\nGET\r\n$1\r\nb\r\n"));
        channel.writeInbound(bytes("*1\r\n$4\r\nPING\r\n"));
        assertThat(names).containsExactly("GET a", "GET b", "PING");
        slots.get(2).complete(bytes("+PONG\r\n"));
        slots.get(1).complete(bytes("$1\r\nB\r\n"));
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        slots.get(0).complete(bytes("$1\r\nA\r\n"));
        channel.runPendingTasks();
        assertThat(outbound()).isEqualTo("$1\r\nA\r\n$1\r\nB\r\n+PONG\r\n");
    }

    @Test
    void shouldStopReadingWhileTooManyRequestsWaitAndResumeWhenHalfAreAnswered() {
        connect(4);
        for (int i = 0; i < 4; i++) {
            channel.writeInbound(bytes("*1\r\n$4\r\nPING\r\n"));
        }
        assertThat(channel.config().isAutoRead()).isFalse();
        slots.get(0).complete(bytes("+PONG\r\n"));
        assertThat(channel.config().isAutoRead()).isFalse();
        slots.get(1).complete(bytes("+PONG\r\n"));
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.runPendingTasks();
        assertThat(outbound()).isEqualTo("+PONG\r\n+PONG\r\n");
    }

    @Test
    void shouldAnswerAProtocolErrorAfterEarlierRepliesAndThenClose() {
        connect(100);
        channel.writeInbound(bytes("*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n"));
        assertThat(channel.isOpen()).isTrue();
        slots.get(0).complete(bytes("+PONG\r\n"));
        channel.runPendingTasks();
        assertThat(outbound()).startsWith("+PONG\r\n-ERR Protocol error: ");
        assertThat(channel.isOpen()).isFalse();
    }

    private String outbound() {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return sb.toString();
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}

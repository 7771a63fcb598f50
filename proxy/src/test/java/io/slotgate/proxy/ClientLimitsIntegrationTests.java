package io.slotgate.proxy;

import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** password, max-clients and client-timeout, each with its own proxy in front of one shared cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientLimitsIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ClusterBackend cluster;

    @BeforeAll
    void startCluster() {
        cluster = backend().start(3, 0);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldRequireTheProxyPasswordBeforeAnyOtherCommand() throws Exception {
        try (Proxy proxy = start(b -> b.password("s3cret")); RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(c.call("GET", "a")).isEqualTo(new RespError("NOAUTH Authentication required."));
            assertThat(c.call("AUTH", "wrong")).isEqualTo(
                    new RespError("WRONGPASS invalid username-password pair or user is disabled."));
            assertThat(c.call("AUTH", "s3cret")).isEqualTo("OK");
            assertThat(c.call("SET", "a", "1")).isEqualTo("OK");
        }
        try (Proxy proxy = start(b -> b.password("s3cret")); RespConnection c = RespConnection.open(proxy.port())) {
            List<?> hello = (List<?>) c.call("HELLO", "2", "AUTH", "default", "s3cret", "SETNAME", "app");
            assertThat(RespConnection.text(hello.get(0))).isEqualTo("server");
            assertThat(RespConnection.text(c.call("CLIENT", "GETNAME"))).isEqualTo("app");
            assertThat(c.call("GET", "a")).isNotInstanceOf(RespError.class);
        }
    }

    @Test
    void shouldTurnAwayClientsBeyondMaxClients() throws Exception {
        try (Proxy proxy = start(b -> b.maxClients(2)); RespConnection first = RespConnection.open(proxy.port());
             RespConnection second = RespConnection.open(proxy.port())) {
            assertThat(first.call("PING")).isEqualTo("PONG");
            assertThat(second.call("PING")).isEqualTo("PONG");
            try (Socket third = new Socket("127.0.0.1", proxy.port())) {
                third.setSoTimeout(5000);
                InputStream in = third.getInputStream();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("-ERR max number of clients reached\r\n");
            }
            assertThat(first.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void shouldCloseIdleClientsAfterClientTimeout() throws Exception {
        try (Proxy proxy = start(b -> b.clientTimeout(Duration.ofMillis(300)));
             RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(c.call("PING")).isEqualTo("PONG");
            Thread.sleep(1000);
            assertThatThrownBy(() -> c.call("PING")).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void shouldDisconnectAClientThatDoesNotReadItsRepliesWhileOthersCarryOn() throws Exception {
        try (Proxy proxy = start(b -> b.maxOutputBufferBytes(256 * 1024));
             RespConnection writer = RespConnection.open(proxy.port());
             Socket lazy = new Socket("127.0.0.1", proxy.port())) {
            writer.call("SET", "{big}value", "x".repeat(512 * 1024));
            lazy.setReceiveBufferSize(4096);
            byte[] get = "*2\r\n$3\r\nGET\r\n$10\r\n{big}value\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 200; i++) {
                    lazy.getOutputStream().write(get);
                }
                lazy.getOutputStream().flush();
            } catch (IOException closedByProxy) {
                // expected once the proxy gives up on this client
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try {
                    lazy.getOutputStream().write(get);
                    lazy.getOutputStream().flush();
                    return false;
                } catch (IOException e) {
                    return true;
                }
            });
            assertThat(writer.call("PING")).isEqualTo("PONG");
        }
    }

    private Proxy start(UnaryOperator<ProxyOptions.Builder> options) {
        return ProxyUnderTest.startProxy(cluster, c -> c, options);
    }
}

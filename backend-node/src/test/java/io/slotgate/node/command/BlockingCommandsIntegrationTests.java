package io.slotgate.node.command;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Blocking pops wake on pushes from other clients, time out, and hold back the blocked client's pipeline. */
class BlockingCommandsIntegrationTests {

    private static NodeHarness node;

    @BeforeAll
    static void start() {
        node = NodeHarness.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldWakeBlpopWhenAnotherClientPushes() {
        try (RawRespClient waiter = node.connect(); RawRespClient pusher = node.connect()) {
            waiter.send("BLPOP", "{q}1", "{q}2", "5");
            sleep(100);
            assertThat(pusher.call("RPUSH", "{q}2", "hello")).isEqualTo(":1\r\n");
            assertThat(waiter.read()).isEqualTo("*2\r\n$4\r\n{q}2\r\n$5\r\nhello\r\n");
            assertThat(pusher.call("EXISTS", "{q}2")).isEqualTo(":0\r\n");
        }
    }

    @Test
    void shouldServeBlockedClientsFirstComeFirstServed() {
        try (RawRespClient first = node.connect(); RawRespClient second = node.connect();
             RawRespClient pusher = node.connect()) {
            first.send("BRPOP", "fifo", "5");
            sleep(100);
            second.send("BRPOP", "fifo", "5");
            sleep(100);
            pusher.call("LPUSH", "fifo", "a", "b");
            assertThat(first.read()).isEqualTo("*2\r\n$4\r\nfifo\r\n$1\r\na\r\n");
            assertThat(second.read()).isEqualTo("*2\r\n$4\r\nfifo\r\n$1\r\nb\r\n");
        }
    }

    @Test
    void shouldTimeOutWithANullReplyAndThenRunHeldBackCommands() {
        try (RawRespClient c = node.connect()) {
            c.send("BLPOP", "never", "0.1");
            c.send("PING");
            assertThat(c.read()).isEqualTo("*-1\r\n");
            assertThat(c.read()).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldMoveWithBlmoveWhenDataArrives() {
        try (RawRespClient waiter = node.connect(); RawRespClient pusher = node.connect()) {
            waiter.send("BLMOVE", "{m}src", "{m}dst", "LEFT", "RIGHT", "5");
            sleep(100);
            pusher.call("RPUSH", "{m}src", "x");
            assertThat(waiter.read()).isEqualTo("$1\r\nx\r\n");
            assertThat(pusher.call("LRANGE", "{m}dst", "0", "-1")).isEqualTo("*1\r\n$1\r\nx\r\n");
        }
    }

    @Test
    void shouldWakeBzpopminOnZadd() {
        try (RawRespClient waiter = node.connect(); RawRespClient pusher = node.connect()) {
            waiter.send("BZPOPMIN", "zq", "5");
            sleep(100);
            pusher.call("ZADD", "zq", "1.5", "m");
            assertThat(waiter.read()).isEqualTo("*3\r\n$2\r\nzq\r\n$1\r\nm\r\n$3\r\n1.5\r\n");
        }
    }

    @Test
    void shouldSkipAClientThatDisconnectedWhileBlocked() {
        try (RawRespClient pusher = node.connect(); RawRespClient second = node.connect()) {
            RawRespClient gone = node.connect();
            gone.send("BLPOP", "left", "5");
            sleep(100);
            second.send("BLPOP", "left", "5");
            sleep(100);
            gone.close();
            sleep(100);
            pusher.call("RPUSH", "left", "v");
            assertThat(second.read()).isEqualTo("*2\r\n$4\r\nleft\r\n$1\r\nv\r\n");
        }
    }

    @Test
    void shouldStopCountingABlockedClientOnceItDisconnects() {
        try (RawRespClient observer = node.connect()) {
            RawRespClient gone = node.connect();
            gone.send("BRPOP", "{gone}a", "{gone}b", "0");
            await().atMost(Duration.ofSeconds(5)).until(() -> blockedClients(observer) == 1);
            gone.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> blockedClients(observer) == 0);
        }
    }

    private static int blockedClients(RawRespClient c) {
        String info = c.call("INFO", "clients");
        Matcher m = Pattern.compile("blocked_clients:(\\d+)").matcher(info);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

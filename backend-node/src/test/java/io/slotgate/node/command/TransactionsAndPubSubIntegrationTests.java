package io.slotgate.node.command;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WATCH across clients, EXEC atomicity, and Pub/Sub delivery (plain, pattern and sharded). */
class TransactionsAndPubSubIntegrationTests {

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
    void shouldAbortExecWhenAWatchedKeyChanged() {
        try (RawRespClient a = node.connect(); RawRespClient b = node.connect()) {
            a.call("SET", "w", "1");
            assertThat(a.call("WATCH", "w")).isEqualTo("+OK\r\n");
            b.call("SET", "w", "2");
            a.call("MULTI");
            a.call("SET", "w", "3");
            assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
            assertThat(a.call("GET", "w")).isEqualTo("$1\r\n2\r\n");
        }
    }

    @Test
    void shouldExecWhenWatchedKeysAreUntouched() {
        try (RawRespClient a = node.connect()) {
            a.call("WATCH", "{w}x");
            a.call("MULTI");
            a.call("INCR", "{w}x");
            a.call("INCR", "{w}y");
            a.call("DBSIZE");
            String reply = a.call("EXEC");
            assertThat(reply).startsWith("*3\r\n:1\r\n:1\r\n:");
        }
    }

    @Test
    void shouldDeliverPublishedMessagesToChannelAndPatternSubscribers() {
        try (RawRespClient sub = node.connect(); RawRespClient psub = node.connect();
             RawRespClient pub = node.connect()) {
            assertThat(sub.call("SUBSCRIBE", "news")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n");
            assertThat(psub.call("PSUBSCRIBE", "n*")).isEqualTo("*3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:1\r\n");
            assertThat(pub.call("PUBLISH", "news", "hi")).isEqualTo(":2\r\n");
            assertThat(sub.read()).isEqualTo("*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
            assertThat(psub.read()).isEqualTo("*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
            assertThat(pub.call("PUBSUB", "NUMSUB", "news", "other"))
                    .isEqualTo("*4\r\n$4\r\nnews\r\n:1\r\n$5\r\nother\r\n:0\r\n");
            assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(":1\r\n");
            assertThat(pub.call("PUBSUB", "CHANNELS")).isEqualTo("*1\r\n$4\r\nnews\r\n");
            assertThat(sub.call("GET", "x")).startsWith("-ERR Can't execute 'get'");
            assertThat(sub.call("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
            assertThat(sub.call("UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$4\r\nnews\r\n:0\r\n");
            assertThat(sub.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldDeliverShardMessagesAndRefuseCrossSlotShardSubscriptions() {
        try (RawRespClient sub = node.connect(); RawRespClient pub = node.connect()) {
            assertThat(sub.call("SSUBSCRIBE", "{s}a", "{s}b"))
                    .isEqualTo("*3\r\n$10\r\nssubscribe\r\n$4\r\n{s}a\r\n:1\r\n");
            assertThat(sub.read()).isEqualTo("*3\r\n$10\r\nssubscribe\r\n$4\r\n{s}b\r\n:2\r\n");
            assertThat(pub.call("SPUBLISH", "{s}b", "m")).isEqualTo(":1\r\n");
            assertThat(sub.read()).isEqualTo("*3\r\n$8\r\nsmessage\r\n$4\r\n{s}b\r\n$1\r\nm\r\n");
            assertThat(pub.call("SSUBSCRIBE", "a", "b"))
                    .isEqualTo("-CROSSSLOT Keys in request don't hash to the same slot\r\n");
        }
    }
}

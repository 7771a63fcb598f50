package io.slotgate.routing.topology;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.redirect.Redirect;
import io.slotgate.routing.resp.RespValues;
import io.slotgate.routing.topology.ClusterShardsEntry.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw reply bytes captured from Debian's redis-server 7.0.15 (6 nodes announcing hostnames host-PORT.example;
 * replica :31006 of :31001 killed and flagged fail), decoded by {@link RespValues} and parsed. Files named
 * {@code -hostname-} and {@code -unknown-} were taken with {@code cluster-preferred-endpoint-type hostname} and
 * {@code unknown-endpoint}.
 */
class CapturedTopologyRepliesUnitTests {

    private static final String NODE_31001 = "9b47850c6158fef0d29cabd1f3dba5df809a79bf";

    @ParameterizedTest
    @ValueSource(strings = {"slots-resp2.resp", "slots-resp3.resp"})
    void shouldParseClusterSlotsWithoutTheFailedReplica(String file) {
        SlotMap map = ClusterSlotsParser.parse(decode(file), "10.9.9.9");

        assertThat(map.assignedSlots()).isEqualTo(16384);
        assertThat(ownership(map)).containsExactly(
                "0-5460 127.0.0.1:31001 []",
                "5461-10922 127.0.0.1:31002 [127.0.0.1:31004]",
                "10923-16383 127.0.0.1:31003 [127.0.0.1:31005]");
        assertThat(map.master(0).id()).isEqualTo(NODE_31001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shards-resp2.resp", "shards-resp3.resp"})
    void shouldParseClusterShardsKeepingTheFailedReplicaOnlyAsAnEntry(String file) {
        Object reply = decode(file);

        SlotMap map = ClusterShardsParser.parse(reply, "10.9.9.9");
        List<ClusterShardsEntry> entries = ClusterShardsParser.parseEntries(reply);

        assertThat(ownership(map)).containsExactly(
                "0-5460 127.0.0.1:31001 []",
                "5461-10922 127.0.0.1:31002 [127.0.0.1:31004]",
                "10923-16383 127.0.0.1:31003 [127.0.0.1:31005]");
        ClusterShardsEntry first = entries.stream().filter(e -> e.master().port() == 31001).findFirst().orElseThrow();
        assertThat(first.replicas()).singleElement().satisfies(r -> {
            assertThat(r.port()).isEqualTo(31006);
            assertThat(r.health()).isEqualTo(Health.FAILED);
            assertThat(r.hostname()).isEqualTo("host-31006.example");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodes-resp2.resp", "nodes-resp3.resp"})
    void shouldParseClusterNodesFromBulkAndVerbatimStrings(String file) {
        SlotMap map = ClusterNodesParser.toSlotMap(ClusterNodesParser.parseReply(decode(file)), "10.9.9.9");

        assertThat(ownership(map)).containsExactly(
                "0-5460 127.0.0.1:31001 []",
                "5461-10922 127.0.0.1:31002 [127.0.0.1:31004]",
                "10923-16383 127.0.0.1:31003 [127.0.0.1:31005]");
    }

    @Test
    void shouldUseHostnamesWhenTheyArePreferred() {
        List<String> expected = List.of(
                "0-5460 host-31001.example:31001 []",
                "5461-10922 host-31002.example:31002 [host-31004.example:31004]",
                "10923-16383 host-31003.example:31003 [host-31005.example:31005]");

        assertThat(ownership(ClusterSlotsParser.parse(decode("slots-hostname-resp2.resp"), "10.9.9.9")))
                .isEqualTo(expected);
        assertThat(ownership(ClusterShardsParser.parse(decode("shards-hostname-resp2.resp"), "10.9.9.9")))
                .isEqualTo(expected);
        assertThat(redirect("moved-hostname.resp"))
                .isEqualTo(new Redirect(Redirect.Type.MOVED, 12182, "host-31003.example", 31003));
    }

    @Test
    void shouldUseTheSendersHostForUnknownEndpoints() {
        List<String> expected = List.of(
                "0-5460 10.9.9.9:31001 []",
                "5461-10922 10.9.9.9:31002 [10.9.9.9:31004]",
                "10923-16383 10.9.9.9:31003 [10.9.9.9:31005]");

        assertThat(ownership(ClusterSlotsParser.parse(decode("slots-unknown-resp2.resp"), "10.9.9.9")))
                .isEqualTo(expected);
        assertThat(ownership(ClusterShardsParser.parse(decode("shards-unknown-resp2.resp"), "10.9.9.9")))
                .isEqualTo(expected);
        Redirect moved = redirect("moved-unknown.resp");
        assertThat(moved).isEqualTo(new Redirect(Redirect.Type.MOVED, 12182, "", 31003));
        assertThat(moved.hostOr("10.9.9.9")).isEqualTo("10.9.9.9");
    }

    /** "ranges master [replicas]" per shard, in slot order. */
    private static List<String> ownership(SlotMap map) {
        return map.shards().stream()
                .map(s -> String.join(",", map.ranges(s).stream().map(SlotRange::toString).toList()) + " "
                        + s.master().address() + " " + s.replicas().stream().map(ClusterNode::address).toList())
                .toList();
    }

    private static Redirect redirect(String file) {
        ByteBuf frame = Unpooled.wrappedBuffer(bytes(file));
        try {
            return Redirect.parse(frame);
        } finally {
            frame.release();
        }
    }

    private static Object decode(String file) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(file));
        try {
            Object value = RespValues.read(buf);
            assertThat(buf.readableBytes()).as("bytes after the reply in %s", file).isZero();
            return value;
        } finally {
            buf.release();
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = CapturedTopologyRepliesUnitTests.class.getResourceAsStream("captured/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource captured/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.resp.RespRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyMergeUnitTests {

    private final List<ByteBuf> delivered = new ArrayList<>();

    @AfterEach
    void releaseReplies() {
        delivered.forEach(ByteBuf::release);
    }

    @Test
    void shouldPutMgetElementsBackInTheClientsKeyOrder() {
        // keys 0..4; part 0 had keys 0, 3; part 1 had keys 1, 2, 4
        ArrayMerge merge = new ArrayMerge(new int[][] {{0, 3}, {1, 2, 4}}, 5, delivered::add);
        ByteBuf p1 = buf("*3\r\n$1\r\nb\r\n$-1\r\n$2\r\ne!\r\n");
        ByteBuf p0 = buf("*2\r\n$1\r\na\r\n$1\r\nd\r\n");
        merge.part(1).complete(p1);
        assertThat(delivered).isEmpty();
        merge.part(0).complete(p0);
        assertThat(text(delivered.get(0))).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nb\r\n$-1\r\n$1\r\nd\r\n$2\r\ne!\r\n");
        assertThat(p0.refCnt()).isZero();
        assertThat(p1.refCnt()).isZero();
    }

    @Test
    void shouldSumCountsAndLetTheFirstErrorWin() {
        SumMerge sum = new SumMerge(3, delivered::add);
        sum.part(0).complete(buf(":2\r\n"));
        sum.part(2).complete(buf(":40\r\n"));
        sum.part(1).complete(buf(":0\r\n"));
        assertThat(text(delivered.get(0))).isEqualTo(":42\r\n");

        OkMerge ok = new OkMerge(2, delivered::add);
        ok.part(1).complete(buf("-ERR second\r\n"));
        ok.part(0).complete(buf("-ERR first\r\n"));
        assertThat(text(delivered.get(1))).isEqualTo("-ERR first\r\n");
    }

    @Test
    void shouldBuildPerSlotRequestsFromTheClientsArguments() {
        RespRequest mset = RespRequest.of("MSET", "k0", "v0", "k1", "v1", "k2", "v2");
        RespRequest part = MultiKeyRouter.subRequest("MSET".getBytes(StandardCharsets.UTF_8), mset,
                new int[] {0, 2}, 2);
        assertThat(part.argCount()).isEqualTo(5);
        assertThat(part.argString(3)).isEqualTo("k2");
        assertThat(text(part.frame())).isEqualTo(text(RespRequest.of("MSET", "k0", "v0", "k2", "v2").frame()));
        part.release();
        mset.release();
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private String text(ByteBuf b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}

package io.slotgate.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.slotgate.routing.resp.RespReplyScanner;
import io.slotgate.routing.resp.RespWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/** Reply cutting per reply: 16 pipelined replies to SET/GET (+OK and 32-byte bulks) found by the scanner. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplyScanBenchmark {

    private static final int REPLIES = 16;

    private ByteBuf replies;
    private final RespReplyScanner scanner = new RespReplyScanner();

    @Setup
    public void setUp() {
        replies = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (int i = 0; i < REPLIES; i++) {
            if (i % 2 == 0) {
                RespWriter.writeOk(replies);
            } else {
                RespWriter.writeBulk(replies, "value-of-32-bytes-0123456789abcd");
            }
        }
    }

    @TearDown
    public void tearDown() {
        replies.release();
    }

    @Benchmark
    @OperationsPerInvocation(REPLIES)
    public int scan() {
        replies.readerIndex(0);
        int total = 0;
        for (int n; replies.isReadable() && (n = scanner.scan(replies)) > 0; ) {
            replies.skipBytes(n);
            total += n;
        }
        return total;
    }
}

package io.slotgate.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespRequestDecoder;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Framing cost per command: a pipelined read of 16 SET/GET requests (as one client batch arrives) is decoded
 * into {@link RespRequest}s and each key's hash slot is computed, as the proxy does before routing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestDecodeBenchmark {

    static final int COMMANDS = 16;

    private ByteBuf pipeline;
    private RespRequestDecoder decoder;
    private EmbeddedChannel channel;
    private final List<Object> out = new ArrayList<>(COMMANDS);

    @Setup
    public void setUp() {
        pipeline = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (int i = 0; i < COMMANDS; i++) {
            String key = "user:{" + (1000 + i * 37) + "}:profile";
            if (i % 2 == 0) {
                RespWriter.writeCommand(pipeline, "SET", key, "value-of-32-bytes-0123456789abcd");
            } else {
                RespWriter.writeCommand(pipeline, "GET", key);
            }
        }
        decoder = new RespRequestDecoder();
        channel = new EmbeddedChannel(new RespRequestDecoder());
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
        pipeline.release();
    }

    /** The decoder's state machine called directly on the received buffer. */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int decodeAndSlot() {
        pipeline.readerIndex(0);
        decoder.decode(pipeline, out);
        int acc = 0;
        for (int i = 0; i < out.size(); i++) {
            RespRequest request = (RespRequest) out.get(i);
            acc += request.argSlot(1);
            request.release();
        }
        out.clear();
        return acc;
    }

    /** Framing alone (no slot), to separate the decoder's share from the key hashing's. */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int decodeOnly() {
        pipeline.readerIndex(0);
        decoder.decode(pipeline, out);
        int acc = 0;
        for (int i = 0; i < out.size(); i++) {
            RespRequest request = (RespRequest) out.get(i);
            acc += request.argCount();
            request.release();
        }
        out.clear();
        return acc;
    }

    /** The same through a Netty pipeline (cumulation, message dispatch), closer to the proxy's inbound path. */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int decodeAndSlotThroughPipeline() {
        pipeline.readerIndex(0);
        channel.writeInbound(pipeline.retainedDuplicate());
        int acc = 0;
        for (RespRequest request; (request = channel.readInbound()) != null; ) {
            acc += request.argSlot(1);
            request.release();
        }
        return acc;
    }
}

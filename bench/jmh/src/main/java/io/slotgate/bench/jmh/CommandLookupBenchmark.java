package io.slotgate.bench.jmh;

import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.CommandTable;
import io.slotgate.routing.resp.RespRequest;
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

/**
 * Routing lookup per command: find the command's spec in the Redis 7.0 table and extract its key indexes, for a
 * mix of single-key, multi-key, numkeys-style and keyless commands. Needs {@link CommandTable#redis70()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommandLookupBenchmark {

    private static final int REQUESTS = 8;

    private CommandTable table;
    private RespRequest[] requests;

    @Setup
    public void setUp() {
        table = CommandTable.redis70();
        requests = new RespRequest[] {
            RespRequest.of("GET", "user:1000"),
            RespRequest.of("set", "user:1001", "value", "EX", "60"),
            RespRequest.of("HSET", "h:1", "field", "v"),
            RespRequest.of("MGET", "a", "b", "c"),
            RespRequest.of("MSET", "a", "1", "b", "2"),
            RespRequest.of("EVAL", "return 1", "2", "k1", "k2", "arg"),
            RespRequest.of("ZADD", "z", "1", "m"),
            RespRequest.of("PING"),
        };
        if (requests.length != REQUESTS) {
            throw new IllegalStateException("REQUESTS must match the request mix");
        }
    }

    @TearDown
    public void tearDown() {
        for (RespRequest r : requests) {
            r.release();
        }
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public int lookupAndKeyIndexes() {
        int acc = 0;
        for (RespRequest request : requests) {
            CommandSpec spec = table.lookup(request);
            acc += spec.keyIndexes(request).length;
        }
        return acc;
    }
}

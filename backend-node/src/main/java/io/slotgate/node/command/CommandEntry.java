package io.slotgate.node.command;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A registered command: its Redis arity, whether it writes, where its keys are, how it runs, and its INFO
 * commandstats counters.
 *
 * @param name       lower-case Redis name
 * @param arity      Redis arity (negative = at least)
 * @param flags      bit set of the {@code F_*} constants
 * @param id         dense index given by the registry (ACL bitsets are indexed by it), -1 when unregistered
 */
public record CommandEntry(String name, int arity, int flags, KeySpec keys, CommandHandler handler, Stats stats,
                           int id) {

    /** Modifies data: gets MOVED on replicas, touches WATCHed keys, wakes blocked clients. */
    public static final int F_WRITE = 1;
    /** Runs on the client's loop even though it has keys (SSUBSCRIBE: client state, slot-routed). */
    public static final int F_CLIENT_LOOP = 2;
    /** Allowed before AUTH. */
    public static final int F_NO_AUTH = 4;
    /** Allowed while the client is subscribed (RESP2 pub/sub context). */
    public static final int F_PUBSUB_OK = 8;
    /** Executes immediately inside MULTI instead of being queued (MULTI, EXEC, DISCARD, WATCH, QUIT...). */
    public static final int F_TX_CONTROL = 16;
    /** May block (BLPOP...); the client's later requests wait until it is answered. */
    public static final int F_BLOCKING = 32;
    /** Not allowed inside MULTI (SUBSCRIBE...). */
    public static final int F_NO_MULTI = 64;
    /** Visits several loops before answering (DBSIZE, KEYS, PUBLISH...); EXEC then runs its queue step by step. */
    public static final int F_FANOUT = 128;
    /** Counts as if ASKING was sent just before (RESTORE-ASKING, cluster-protocol.md §2.1 step 10). */
    public static final int F_ASKING = 256;
    /** Served locally on a migrating or importing slot whatever its keys (MIGRATE, cluster-protocol.md §2.1 step 8). */
    public static final int F_OPEN_SLOT_LOCAL = 512;
    /** Has subcommands in Redis's table (CONFIG, CLIENT, CLUSTER...): their arity is checked too. Set by the registry. */
    public static final int F_CONTAINER = 1024;

    public CommandEntry(String name, int arity, int flags, KeySpec keys, CommandHandler handler) {
        this(name, arity, flags, keys, handler, new Stats(), -1);
    }

    public CommandEntry(String name, int arity, int flags, KeySpec keys, CommandHandler handler, int id) {
        this(name, arity, flags, keys, handler, new Stats(), id);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isWrite() {
        return has(F_WRITE);
    }

    public boolean arityOk(int argCount) {
        return arity >= 0 ? argCount == arity : argCount >= -arity;
    }

    /**
     * commandstats counters; updated from several loops, hence adders. Calls are counted exactly; the time is
     * measured on a random sample of about one call in {@link #SAMPLE_EVERY} (two clock reads cost about as much
     * as a whole GET) and scaled up, Redis's usec then being an estimate for busy commands.
     */
    public static final class Stats {
        /** On average one call in this many is timed (a power of two). */
        public static final int SAMPLE_EVERY = 16;

        public final LongAdder calls = new LongAdder();
        public final LongAdder rejected = new LongAdder();
        public final LongAdder failed = new LongAdder();
        private final LongAdder timedCalls = new LongAdder();
        private final LongAdder timedNanos = new LongAdder();
        /** Until the first call was timed every call is (a rare command still shows a time); racy, monotonic. */
        private boolean timedOnce;

        /** Whether to time the call about to run (any loop). */
        public boolean sampleNext() {
            return !timedOnce || (ThreadLocalRandom.current().nextInt() & (SAMPLE_EVERY - 1)) == 0;
        }

        /** Records the duration of a call {@link #sampleNext} chose to time. */
        public void timed(long nanos) {
            timedCalls.increment();
            timedNanos.add(nanos);
            timedOnce = true;
        }

        /** Estimated total microseconds of all calls: the sampled mean times the calls. */
        public long micros() {
            long timed = timedCalls.sum();
            if (timed == 0) {
                return 0;
            }
            return Math.round(timedNanos.sum() / 1000.0 / timed * calls.sum());
        }

        public void reset() {
            calls.reset();
            rejected.reset();
            failed.reset();
            timedCalls.reset();
            timedNanos.reset();
        }
    }
}

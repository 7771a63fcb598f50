package io.slotgate.node.command;

import io.slotgate.node.store.BlockingRegistry;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.Partition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Support for blocking commands (BLPOP, BLMOVE, BZPOPMIN...): try once; if nothing is there, park the call on
 * its partition until a write to one of its keys lets {@code attempt} succeed, or the timeout answers
 * {@code timeoutReply}. Inside MULTI a blocking command never waits (Redis answers the timeout reply at once).
 */
public final class Blocking {

    private Blocking() {
    }

    /** Timeout argument in ms (0 = forever) with Redis's errors. */
    public static long timeoutMillis(Call c, int i) {
        Double d = Numbers.parseDouble(c.arg(i));
        if (d == null || d.isInfinite()) {
            throw new CommandException(Errors.TIMEOUT_NOT_FLOAT);
        }
        if (d < 0) {
            throw new CommandException(Errors.TIMEOUT_NEGATIVE);
        }
        BigDecimal ms = new BigDecimal(c.argString(i)).multiply(BigDecimal.valueOf(1000));
        if (ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new CommandException(Errors.TIMEOUT_NOT_FLOAT);
        }
        long v = ms.longValue();
        return d > 0 && v == 0 ? 1 : v;
    }

    /** The keys between argument 1 and the trailing timeout (BLPOP, BRPOP, BZPOPMIN, BZPOPMAX). */
    public static List<byte[]> keysBeforeTimeout(Call c) {
        List<byte[]> keys = new ArrayList<>(c.argc() - 2);
        for (int i = 1; i < c.argc() - 1; i++) {
            keys.add(c.arg(i));
        }
        return keys;
    }

    /**
     * @param attempt writes the reply and returns true if data was there (runs on the partition's loop)
     */
    public static void serveOrBlock(Call c, List<byte[]> keys, long timeoutMs, Predicate<Call> attempt,
                                    Runnable timeoutReply) {
        if (attempt.test(c)) {
            return;
        }
        if (c.inTransaction()) {
            timeoutReply.run();
            return;
        }
        Partition db = c.db();
        Waiter w = new Waiter(c, keys, attempt);
        db.blocking().block(w);
        c.async();
        var loop = c.node().keyspace().loop(db.index());
        c.session().setBlockedCleanup(() -> loop.execute(() -> w.abandon(db)));
        if (c.session().isClosed()) {
            w.abandon(db); // left before the hook was in place
            return;
        }
        if (timeoutMs > 0) {
            loop.schedule(() -> {
                if (w.waiting) {
                    w.stop(db);
                    timeoutReply.run();
                    c.finish();
                }
            }, timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private static final class Waiter implements BlockingRegistry.Waiter {
        private final Call call;
        private final List<byte[]> keys;
        private final Predicate<Call> attempt;
        private boolean waiting = true;

        Waiter(Call call, List<byte[]> keys, Predicate<Call> attempt) {
            this.call = call;
            this.keys = keys;
            this.attempt = attempt;
        }

        /** Ends the wait: no longer served, no longer counted in blocked_clients. */
        void stop(Partition db) {
            waiting = false;
            call.session().setBlockedCleanup(null);
            db.blocking().unblock(this);
        }

        /** The client left while waiting: drop the wait without replying. */
        void abandon(Partition db) {
            if (waiting) {
                stop(db);
            }
        }

        @Override
        public List<byte[]> keys() {
            return keys;
        }

        @Override
        public boolean isWaiting() {
            return waiting && !call.session().isClosed();
        }

        @Override
        public boolean tryServe(Partition db) {
            boolean served;
            try {
                served = attempt.test(call);
            } catch (CommandException e) {
                call.resetOut();
                call.error(e.text());
                served = true;
            } catch (io.slotgate.node.store.WrongTypeException e) {
                call.resetOut();
                call.error(io.slotgate.node.store.WrongTypeException.MESSAGE);
                served = true;
            }
            if (served) {
                waiting = false;
                call.session().setBlockedCleanup(null);
                call.node().replication().propagate(call); // served late: its pop is a write to replicate
                call.finish();
            }
            return served;
        }
    }
}

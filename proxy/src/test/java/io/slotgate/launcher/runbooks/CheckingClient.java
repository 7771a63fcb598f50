package io.slotgate.launcher.runbooks;

import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * An application working through the proxy while a runbook runs. It first writes every one of its keys (so slot
 * moves carry data), then loops in rounds: a pipelined stripe of SETs with the round number, GETs of the same
 * keys and one MGET of them, every answer checked. Error replies and wrong answers are recorded apart: a runbook
 * that loses a master may show errors for a moment, none may ever show a wrong value.
 */
final class CheckingClient implements AutoCloseable {

    static final int KEYS = 2000;
    static final int STRIPE = 50;
    private static final long PAUSE_MS = 5;

    /** Something the client saw that it should not have, and when (System.nanoTime; the text opens with the wall
     * clock, to compare with node logs). */
    record Problem(long atNanos, String text) {
    }

    private final int proxyPort;
    private final String[] lastWritten = new String[KEYS];
    private final AtomicLong rounds = new AtomicLong();
    private final ConcurrentLinkedQueue<Problem> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Problem> wrongAnswers = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    private CheckingClient(int proxyPort) {
        this.proxyPort = proxyPort;
        this.thread = new Thread(this::run, "runbook-client");
    }

    /** Writes every key once through the proxy, then starts the rounds in the background. */
    static CheckingClient start(int proxyPort) {
        CheckingClient client = new CheckingClient(proxyPort);
        try (RespConnection c = client.connect()) {
            for (int i = 0; i < KEYS; i++) {
                c.send("SET", key(i), "initial");
            }
            c.flush();
            for (int i = 0; i < KEYS; i++) {
                Object reply = c.read();
                if (!"OK".equals(reply)) {
                    throw new IllegalStateException("SET " + key(i) + " through the proxy: " + describe(reply));
                }
                client.lastWritten[i] = "initial";
            }
        }
        client.thread.start();
        return client;
    }

    static String key(int i) {
        return "runbook:" + i;
    }

    long rounds() {
        return rounds.get();
    }

    List<Problem> errors() {
        return new ArrayList<>(errors);
    }

    List<Problem> wrongAnswers() {
        return new ArrayList<>(wrongAnswers);
    }

    /** Waits until the client has finished {@code more} further rounds: it is still making progress. */
    void awaitMoreRounds(int more, Duration timeout) {
        long target = rounds.get() + more;
        await().atMost(timeout).until(() -> rounds.get() >= target || !thread.isAlive());
        if (rounds.get() < target) {
            throw new IllegalStateException("the client stopped; errors " + errors);
        }
    }

    /** Stops the rounds, then reads every key through the proxy and records any value other than the last written. */
    void stopAndVerifyEveryKey() throws InterruptedException {
        stop();
        try (RespConnection c = connect()) {
            for (int i = 0; i < KEYS; i++) {
                c.send("GET", key(i));
            }
            c.flush();
            for (int i = 0; i < KEYS; i++) {
                Object reply = c.read();
                if (reply instanceof RespError) {
                    errors.add(new Problem(System.nanoTime(), "final GET " + key(i) + " -> " + describe(reply)));
                } else if (!lastWritten[i].equals(RespConnection.text(reply))) {
                    wrongAnswers.add(new Problem(System.nanoTime(), "final GET " + key(i) + " -> " + describe(reply)
                            + " instead of " + lastWritten[i]));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void stop() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }

    private void run() {
        RespConnection c = connect();
        try {
            while (running) {
                try {
                    round(c, rounds.get() + 1);
                    rounds.incrementAndGet();
                    // An application's pace, not a benchmark's: leave the machine to the cluster being changed.
                    sleep(PAUSE_MS);
                } catch (RuntimeException e) {
                    // A lost connection or a timeout: note it and carry on with a new connection, as an app would.
                    errors.add(new Problem(System.nanoTime(), e.toString()));
                    c.close();
                    sleep(100);
                    c = connect();
                }
            }
        } finally {
            c.close();
        }
    }

    private void round(RespConnection c, long round) {
        String value = "round-" + round;
        int base = (int) ((round * STRIPE) % KEYS);
        String[] mget = new String[STRIPE + 1];
        mget[0] = "MGET";
        for (int k = 0; k < STRIPE; k++) {
            mget[k + 1] = key((base + k) % KEYS);
            c.send("SET", mget[k + 1], value);
        }
        for (int k = 0; k < STRIPE; k++) {
            c.send("GET", mget[k + 1]);
        }
        c.send(mget);
        c.flush();
        boolean[] written = new boolean[STRIPE];
        for (int k = 0; k < STRIPE; k++) {
            Object r = c.read();
            written[k] = "OK".equals(r);
            if (written[k]) {
                lastWritten[(base + k) % KEYS] = value;
            } else {
                record(r, "SET " + mget[k + 1] + " -> " + describe(r));
            }
        }
        for (int k = 0; k < STRIPE; k++) {
            Object r = c.read();
            String expected = lastWritten[(base + k) % KEYS];
            if (r instanceof RespError || !expected.equals(RespConnection.text(r))) {
                record(r, "GET " + mget[k + 1] + " -> " + describe(r) + " instead of " + expected);
            }
        }
        Object all = c.read();
        if (all instanceof RespError) {
            record(all, "MGET -> " + describe(all));
        } else {
            List<?> values = (List<?>) all;
            for (int k = 0; k < STRIPE; k++) {
                String expected = lastWritten[(base + k) % KEYS];
                if (!expected.equals(RespConnection.text(values.get(k)))) {
                    record(values.get(k), "MGET " + mget[k + 1] + " -> " + describe(values.get(k)) + " instead of "
                            + expected);
                }
            }
        }
    }

    private void record(Object reply, String text) {
        (reply instanceof RespError ? errors : wrongAnswers).add(new Problem(System.nanoTime(), LocalTime.now() + " " + text));
    }

    private RespConnection connect() {
        return RespConnection.open("127.0.0.1", proxyPort, Duration.ofSeconds(10));
    }

    private static String describe(Object reply) {
        return reply instanceof RespError e ? "-" + e.text() : String.valueOf(RespConnection.text(reply));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.slotgate.node.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real, minimal {@link ReplicationControl} for engine tests: it records every call the engine makes (as text,
 * e.g. "replicateFrom 127.0.0.1:7001") and reports an offset the test sets.
 */
final class RecordingReplication implements ReplicationControl {

    private final List<String> calls = new ArrayList<>();
    private final AtomicLong offset = new AtomicLong();

    @Override
    public synchronized void replicateFrom(String host, int port) {
        calls.add("replicateFrom " + host + ":" + port);
    }

    @Override
    public synchronized void becomeMaster() {
        calls.add("becomeMaster");
    }

    @Override
    public long offset() {
        return offset.get();
    }

    @Override
    public synchronized void pauseWrites(long millis) {
        calls.add("pauseWrites " + millis);
    }

    @Override
    public synchronized void resumeWrites() {
        calls.add("resumeWrites");
    }

    void setOffset(long value) {
        offset.set(value);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The last replicateFrom/becomeMaster call, or null. */
    synchronized String lastRoleCall() {
        for (int i = calls.size() - 1; i >= 0; i--) {
            String c = calls.get(i);
            if (c.startsWith("replicateFrom") || c.equals("becomeMaster")) {
                return c;
            }
        }
        return null;
    }

    synchronized void clear() {
        calls.clear();
    }
}

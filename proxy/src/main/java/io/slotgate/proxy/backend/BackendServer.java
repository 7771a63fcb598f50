package io.slotgate.proxy.backend;

import io.slotgate.proxy.config.HostPort;
import io.slotgate.proxy.stats.BackendStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One backend node as the proxy knows it, shared by all event loops: its address, health and counters. Each loop
 * holds its own connection to it ({@link BackendConnection}).
 */
public final class BackendServer {

    private static final Logger log = LoggerFactory.getLogger(BackendServer.class);

    private final String address;
    private final HostPort hostPort;
    private final int id;
    private final BackendStats stats = new BackendStats();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long failedUntilNanos;
    private volatile boolean failedMarked;
    private volatile boolean retired;
    /** The current slot map lists this node as a replica (set by the topology refresher). */
    private volatile boolean replica;

    BackendServer(HostPort hostPort, int id) {
        this.hostPort = hostPort;
        this.id = id;
        this.address = hostPort.toString();
    }

    /** "host:port" exactly as the cluster names the node (CLUSTER SLOTS, MOVED). */
    public String address() {
        return address;
    }

    /** Small unique number within its registry (creation order); indexes per-loop connection tables. */
    int id() {
        return id;
    }

    public HostPort hostPort() {
        return hostPort;
    }

    public BackendStats stats() {
        return stats;
    }

    /** A reply arrived: the failure streak ends. */
    public void recordSuccess() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        if (failedMarked) {
            failedMarked = false;
            log.info("server {} answers again", address);
        }
    }

    /**
     * A connect error, timeout or lost connection. After {@code limit} in a row the server is avoided for
     * {@code retryNanos} (then tried again; one more failure marks it again).
     *
     * @return true if this failure marked the server failed
     */
    public boolean recordFailure(int limit, long retryNanos) {
        stats.failures.increment();
        int n = consecutiveFailures.incrementAndGet();
        if (n >= limit) {
            failedUntilNanos = System.nanoTime() + retryNanos;
            if (!failedMarked) {
                failedMarked = true;
                log.warn("server {} marked failed after {} consecutive failures; avoided for {} ms", address, n,
                        retryNanos / 1_000_000);
                return true;
            }
        }
        return false;
    }

    /** Whether reads and writes should avoid this server now. */
    public boolean isFailed(long nowNanos) {
        return failedMarked && nowNanos - failedUntilNanos < 0;
    }

    public boolean isFailed() {
        return isFailed(System.nanoTime());
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /**
     * Whether the current slot map lists this node as a replica. Connections send READONLY only while it does, so
     * a master demoted behind the proxy's back answers MOVED to reads meant for the master instead of serving them
     * from its lagging copy (cluster-protocol.md §2.3).
     */
    public boolean isReplica() {
        return replica;
    }

    public void setReplica(boolean replica) {
        this.replica = replica;
    }

    /** The node left the cluster: loops close their idle connections to it. */
    public boolean isRetired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    void revive() {
        retired = false;
    }

    @Override
    public String toString() {
        return address;
    }
}

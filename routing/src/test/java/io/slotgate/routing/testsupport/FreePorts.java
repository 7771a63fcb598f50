package io.slotgate.routing.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds free loopback ports so parallel runs never collide. Cluster nodes also need port + 10000 free, so
 * {@link #clusterPort()} probes both.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (bind 0). */
    public static int any() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * A port p such that p and p + 10000 are both free (a node's client and bus ports), both below Linux's
     * ephemeral range (32768+) so that outgoing connections of parallel tests cannot take them meanwhile.
     */
    public static int clusterPort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int p = ThreadLocalRandom.current().nextInt(10000, 22768);
            if (isFree(p) && isFree(p + 10000)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port pair");
    }

    /** A {@link #clusterPort()} overlapping no client/bus pair already in {@code taken}; records the new pair. */
    public static int distinctClusterPort(java.util.Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int p = clusterPort();
            if (!taken.contains(p) && !taken.contains(p + 10000)) {
                taken.add(p);
                taken.add(p + 10000);
                return p;
            }
        }
        throw new IllegalStateException("no distinct cluster port pair");
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package io.slotgate.node.command.keys;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connections from MIGRATE to its targets, kept open between calls as Redis does (cluster-protocol.md §10.1):
 * {@code redis-cli --cluster reshard} issues one MIGRATE per batch of keys, and a new connection per batch cost
 * more than the transfer itself. One cache per partition thread (MIGRATE runs on the partition owning its keys),
 * so nothing is shared; links idle for {@link #IDLE_MILLIS} are closed on the next MIGRATE of that thread.
 */
final class MigrateLinks {

    static final long IDLE_MILLIS = 10_000;
    private static final int MAX_LINKS = 64;
    private static final ThreadLocal<MigrateLinks> PER_THREAD = ThreadLocal.withInitial(MigrateLinks::new);

    /** One open connection to a target. */
    static final class Link {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        /** Taken from the cache (may have been closed by the target meanwhile) rather than just opened. */
        boolean reused;
        long lastUse;

        private Link(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }
    }

    private final Map<String, Link> links = new LinkedHashMap<>();

    static MigrateLinks current() {
        return PER_THREAD.get();
    }

    /** A cached link to host:port (marked reused), or a new one; the caller gives it back or drops it. */
    Link take(String host, int port, int timeoutMs, boolean fresh) throws IOException {
        closeIdle(System.currentTimeMillis());
        String key = host + ":" + port;
        Link cached = links.remove(key);
        if (cached != null && !fresh) {
            cached.socket.setSoTimeout(timeoutMs);
            cached.reused = true;
            return cached;
        }
        if (cached != null) {
            closeQuietly(cached);
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.setTcpNoDelay(true);
            return new Link(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Keeps a link that completed its exchange for the next MIGRATE to the same target. */
    void giveBack(String host, int port, Link link) {
        link.lastUse = System.currentTimeMillis();
        Link old = links.put(host + ":" + port, link);
        if (old != null && old.socket != link.socket) {
            closeQuietly(old);
        }
        if (links.size() > MAX_LINKS) {
            Iterator<Link> it = links.values().iterator();
            closeQuietly(it.next());
            it.remove();
        }
    }

    /** Drops a link whose exchange failed (its stream position is unknown). */
    void drop(Link link) {
        closeQuietly(link);
    }

    private void closeIdle(long now) {
        for (Iterator<Link> it = links.values().iterator(); it.hasNext(); ) {
            Link l = it.next();
            if (now - l.lastUse > IDLE_MILLIS) {
                closeQuietly(l);
                it.remove();
            }
        }
    }

    private static void closeQuietly(Link l) {
        try {
            l.socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}

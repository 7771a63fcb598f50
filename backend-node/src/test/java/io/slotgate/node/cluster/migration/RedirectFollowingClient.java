package io.slotgate.node.cluster.migration;

import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.slot.SlotHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@code redis-cli -c}-style client for tests: keeps its own slot map (learned from MOVED), follows MOVED and
 * ASK (ASKING first) and records every hop of a request. A MOVED that sends it back to a node it already asked
 * (A → B → A) is the bounce nodes must never cause (cluster-protocol.md §2; B → MOVED A → ASK B is normal while a
 * slot migrates); it is reported in {@link #problems} together with the chain. Not thread-safe: one per thread.
 */
final class RedirectFollowingClient implements AutoCloseable {

    static final int MAX_HOPS = 10;

    private final Map<Integer, String> slotOwner = new HashMap<>();
    private final Map<String, RawRespClient> connections = new HashMap<>();
    private final String defaultAddress;
    final ConcurrentLinkedQueue<String> problems;
    long redirects;
    /** Appended to a bounce report (e.g. the nodes' views), evaluated only when one is seen. */
    java.util.function.Function<String, String> diagnostics = key -> "";

    RedirectFollowingClient(String defaultAddress, ConcurrentLinkedQueue<String> problems) {
        this.defaultAddress = defaultAddress;
        this.problems = problems;
    }

    /** Runs one command whose first argument after the name is the key; returns the final reply's RESP text. */
    String call(String... args) {
        int slot = SlotHash.slot(args[1].getBytes(StandardCharsets.UTF_8));
        String address = slotOwner.getOrDefault(slot, defaultAddress);
        List<String> chain = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        boolean asking = false;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            chain.add((asking ? "ASKING " : "") + address);
            if (!asking && visited.contains(address)) {
                problems.add(java.time.LocalTime.now() + " MOVED bounce for " + args[0] + " " + args[1] + " (slot " + slot + "): " + chain
                        + diagnostics.apply(args[1]));
            }
            visited.add(address);
            RawRespClient c = connection(address);
            String reply;
            if (asking) {
                c.send("ASKING");
                c.send(args);
                String ok = c.read();
                if (!ok.startsWith("+OK")) {
                    problems.add("ASKING -> " + ok.trim());
                }
                reply = c.read();
            } else {
                reply = c.call(args);
            }
            if (reply.startsWith("-MOVED ")) {
                redirects++;
                address = reply.trim().split(" ")[2];
                slotOwner.put(slot, address);
                asking = false;
            } else if (reply.startsWith("-ASK ")) {
                redirects++;
                address = reply.trim().split(" ")[2];
                asking = true;
            } else if (reply.startsWith("-TRYAGAIN")) {
                asking = false;
                visited.clear(); // a retry, not a redirect
                address = slotOwner.getOrDefault(slot, defaultAddress);
            } else {
                return reply;
            }
        }
        problems.add("too many redirects for " + args[0] + " " + args[1] + ": " + chain);
        return "-ERR too many redirects";
    }

    private RawRespClient connection(String address) {
        return connections.computeIfAbsent(address,
                a -> RawRespClient.open(Integer.parseInt(a.substring(a.lastIndexOf(':') + 1))));
    }

    @Override
    public void close() {
        connections.values().forEach(RawRespClient::close);
    }
}

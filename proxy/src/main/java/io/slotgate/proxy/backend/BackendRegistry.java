package io.slotgate.proxy.backend;

import io.slotgate.proxy.config.HostPort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** All backend servers by address; shared by the event loops and the topology refresher. */
public final class BackendRegistry {

    private final ConcurrentHashMap<String, BackendServer> servers = new ConcurrentHashMap<>();
    /** Numbers servers in creation order, so each loop can find its connection by index. */
    private final AtomicInteger nextId = new AtomicInteger();

    /** The server at {@code address} ("host:port"), created on first use (e.g. a MOVED to an unknown node). */
    public BackendServer get(String address) {
        BackendServer s = servers.get(address);
        if (s != null) {
            return s;
        }
        return servers.computeIfAbsent(address, a -> new BackendServer(HostPort.parse(a), nextId.getAndIncrement()));
    }

    /** Servers that are no longer in the cluster are retired (loops drop connections to them). */
    public void retainOnly(Set<String> addresses) {
        for (BackendServer s : servers.values()) {
            if (addresses.contains(s.address())) {
                s.revive();
            } else {
                s.retire();
                servers.remove(s.address(), s);
            }
        }
    }

    public Collection<BackendServer> all() {
        List<BackendServer> list = new ArrayList<>(servers.values());
        list.sort((a, b) -> a.address().compareTo(b.address()));
        return list;
    }
}

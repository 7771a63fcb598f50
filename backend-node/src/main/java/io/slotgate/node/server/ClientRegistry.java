package io.slotgate.node.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Connected clients by id, for CLIENT LIST/KILL and INFO clients; the sessions themselves stay loop-owned. */
public final class ClientRegistry {

    private final ConcurrentHashMap<Long, ClientSession> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public long nextId() {
        return nextId.getAndIncrement();
    }

    public void add(ClientSession s) {
        byId.put(s.id(), s);
    }

    public void remove(ClientSession s) {
        byId.remove(s.id());
    }

    public int count() {
        return byId.size();
    }

    public ClientSession get(long id) {
        return byId.get(id);
    }

    public Collection<ClientSession> all() {
        List<ClientSession> list = new ArrayList<>(byId.values());
        list.sort((a, b) -> Long.compare(a.id(), b.id()));
        return list;
    }
}

package io.slotgate.proxy.backend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotgate.proxy.config.HostPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Resolves backend host names, caching each answer for a while so names are looked up again over time (a node
 * may come back at a new address) without a lookup per connection.
 */
public final class AddressResolver {

    private final Cache<HostPort, InetSocketAddress> cache;

    public AddressResolver(Duration ttl) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** @throws UnknownHostException if the name does not resolve */
    public InetSocketAddress resolve(HostPort hp) throws UnknownHostException {
        InetSocketAddress cached = cache.getIfPresent(hp);
        if (cached != null) {
            return cached;
        }
        InetSocketAddress resolved = new InetSocketAddress(InetAddress.getByName(hp.host()), hp.port());
        cache.put(hp, resolved);
        return resolved;
    }
}

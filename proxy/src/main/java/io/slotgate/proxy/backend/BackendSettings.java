package io.slotgate.proxy.backend;

import io.slotgate.proxy.config.ClusterOptions;

import java.time.Duration;

/**
 * What every backend connection needs to know, taken once from the options.
 *
 * @param refreshTrigger asks the topology refresher for a refresh (connection failures may mean a failover)
 */
public record BackendSettings(long serverTimeoutNanos, int failureLimit, long retryNanos, String password,
                              Duration keepalive, BackendTransport transport, AddressResolver resolver,
                              Runnable refreshTrigger) {

    public static BackendSettings of(ClusterOptions c, BackendTransport transport, AddressResolver resolver,
                                     Runnable refreshTrigger) {
        return new BackendSettings(c.serverTimeout().toNanos(), c.serverFailureLimit(),
                c.serverRetryTimeout().toNanos(), c.password(), c.keepalive(), transport, resolver, refreshTrigger);
    }

    public long serverTimeoutMillis() {
        return serverTimeoutNanos / 1_000_000;
    }
}

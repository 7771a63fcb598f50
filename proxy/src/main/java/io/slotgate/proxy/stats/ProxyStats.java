package io.slotgate.proxy.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Proxy-wide counters. Hot-path counters are LongAdders (one uncontended add per event); the proxy's Micrometer
 * registry reads them through function counters, so exporters see the same numbers as INFO.
 */
public final class ProxyStats {

    public final LongAdder connectionsReceived = new LongAdder();
    public final LongAdder rejectedConnections = new LongAdder();
    public final AtomicInteger clients = new AtomicInteger();
    public final LongAdder commands = new LongAdder();
    public final LongAdder errorReplies = new LongAdder();
    public final LongAdder movedFollowed = new LongAdder();
    public final LongAdder askFollowed = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder splitCommands = new LongAdder();
    private final ConcurrentHashMap<String, LatencyHistogram> latency = new ConcurrentHashMap<>();

    public ProxyStats(MeterRegistry registry) {
        counter(registry, "slotgate.proxy.connections.received", connectionsReceived);
        counter(registry, "slotgate.proxy.connections.rejected", rejectedConnections);
        counter(registry, "slotgate.proxy.commands", commands);
        counter(registry, "slotgate.proxy.error.replies", errorReplies);
        counter(registry, "slotgate.proxy.moved.followed", movedFollowed);
        counter(registry, "slotgate.proxy.ask.followed", askFollowed);
        counter(registry, "slotgate.proxy.retries", retries);
        counter(registry, "slotgate.proxy.split.commands", splitCommands);
        Gauge.builder("slotgate.proxy.clients", clients, AtomicInteger::get).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder) {
        FunctionCounter.builder(name, adder, LongAdder::sum).register(registry);
    }

    /** The latency histogram of a command type (lower-case name), created on first use. */
    public LatencyHistogram latency(String command) {
        LatencyHistogram h = latency.get(command);
        return h != null ? h : latency.computeIfAbsent(command, LatencyHistogram::new);
    }

    public Collection<LatencyHistogram> latencies() {
        return latency.values();
    }
}

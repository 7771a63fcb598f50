package io.slotgate.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.slotgate.proxy.backend.AddressResolver;
import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendSettings;
import io.slotgate.proxy.backend.BackendTransport;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.command.CommandDispatcher;
import io.slotgate.proxy.command.InfoCommand;
import io.slotgate.proxy.command.LocalCommands;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.proxy.multikey.MultiKeyRouter;
import io.slotgate.proxy.readpolicy.ReadPolicy;
import io.slotgate.proxy.routing.Router;
import io.slotgate.proxy.server.ProxyServer;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.proxy.topology.ClusterSlotsReader;
import io.slotgate.proxy.topology.TopologyRefresher;
import io.slotgate.routing.command.CommandTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running proxy: a Redis-compatible endpoint in front of a Redis Cluster. Start with {@link #start}; close to
 * stop. The proxy starts even when no seed answers; until a slot map is known, keyed commands get a clear
 * CLUSTERDOWN error and the refresher keeps trying.
 */
public final class Proxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Proxy.class);

    private final ProxyOptions options;
    private final EventLoopGroup group;
    private final Map<EventLoop, LoopBackends> loops;
    private final TopologyRefresher refresher;
    private final ProxyServer server;
    private final MeterRegistry meters;
    private final ProxyStats stats;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Proxy(ProxyOptions options, EventLoopGroup group, Map<EventLoop, LoopBackends> loops,
                  TopologyRefresher refresher, ProxyServer server, MeterRegistry meters, ProxyStats stats) {
        this.options = options;
        this.group = group;
        this.loops = loops;
        this.refresher = refresher;
        this.server = server;
        this.meters = meters;
        this.stats = stats;
    }

    /**
     * Binds the listener and starts refreshing the slot map from the seeds.
     *
     * @throws IllegalStateException if the listener cannot be bound
     */
    public static Proxy start(ProxyOptions options) {
        BackendTransport transport = BackendTransport.best();
        int threads = options.effectiveWorkerThreads();
        EventLoopGroup group = transport.newGroup(threads, "slotgate-proxy");
        try {
            MeterRegistry meters = new SimpleMeterRegistry();
            ProxyStats stats = new ProxyStats(meters);
            BackendRegistry registry = new BackendRegistry();
            AddressResolver resolver = new AddressResolver(options.cluster().refreshInterval());
            ClusterSlotsReader reader = new ClusterSlotsReader(registry, new ReadPolicy(options.cluster()));
            TopologyRefresher refresher = new TopologyRefresher((EventLoop) group.next(), options.cluster(),
                    transport, resolver, registry, reader);
            BackendSettings settings = BackendSettings.of(options.cluster(), transport, resolver,
                    refresher::requestRefresh);
            Map<EventLoop, LoopBackends> loops = new HashMap<>();
            for (EventExecutor e : group) {
                loops.put((EventLoop) e, new LoopBackends((EventLoop) e, settings));
            }
            Router router = new Router(refresher, registry, stats);
            InfoCommand info = new InfoCommand(options, stats, registry, refresher, threads);
            LocalCommands local = new LocalCommands(options.password(), router, info);
            CommandDispatcher dispatcher = new CommandDispatcher(CommandTable.redis70(), router,
                    new MultiKeyRouter(router, stats), local, stats);
            refresher.start();
            ProxyServer server = ProxyServer.bind(options, transport, group, Map.copyOf(loops), dispatcher, stats);
            info.setBoundPort(server.localAddress().getPort());
            log.info("slotgate proxy '{}' listening on {} ({} worker threads, {}), seeds {}", options.name(),
                    server.localAddress(), threads, transport, options.cluster().servers());
            return new Proxy(options, group, loops, refresher, server, meters, stats);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("interrupted while binding " + options.bind(), e);
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot start the proxy on " + options.bind() + ": " + e.getMessage(), e);
        }
    }

    /** The port clients connect to (the bound one when the configured port was 0). */
    public int port() {
        return server.localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    public ProxyOptions options() {
        return options;
    }

    /** The proxy's own Micrometer registry (counters also shown by INFO). */
    public MeterRegistry meterRegistry() {
        return meters;
    }

    /** Waits until a slot map is known; false on timeout. */
    public boolean awaitSlotMap(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (refresher.current() == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Asks for a slot-map refresh now (tools and tests; the proxy refreshes on its own). */
    public void requestRefresh() {
        refresher.requestRefresh();
    }

    /** Blocks until {@link #close()} has finished (for a launcher's main thread). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, closes all connections and the event loops. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.close();
        refresher.close();
        for (LoopBackends l : loops.values()) {
            l.eventLoop().execute(l::closeAll);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        meters.close();
        log.info("slotgate proxy '{}' stopped ({} commands served)", options.name(), stats.commands.sum());
        closed.countDown();
    }
}

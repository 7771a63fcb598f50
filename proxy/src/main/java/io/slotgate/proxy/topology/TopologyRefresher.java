package io.slotgate.proxy.topology;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotgate.proxy.backend.AddressResolver;
import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.backend.BackendTransport;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.HostPort;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.resp.RespReplyDecoder;
import io.slotgate.routing.resp.RespValues;
import io.slotgate.routing.resp.RespWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Keeps the slot map current: asks one reachable node for CLUSTER SLOTS every refresh-interval and at once when
 * the data path sees MOVED, CLUSTERDOWN or a failed server. At most one refresh runs at a time (requests made
 * meanwhile cause one more afterwards); a refresh that fails everywhere keeps the old map. All refresh state is
 * owned by one event loop; the current map is published through a volatile field.
 */
public final class TopologyRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopologyRefresher.class);
    /** Triggered refreshes closer together than this are merged (a burst of MOVED replies is one event). */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final EventLoop loop;
    private final ClusterOptions options;
    private final BackendTransport transport;
    private final AddressResolver resolver;
    private final BackendRegistry registry;
    private final ClusterSlotsReader reader;
    private final AtomicBoolean triggerQueued = new AtomicBoolean();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder failedRefreshes = new LongAdder();

    private volatile Topology current;
    private volatile String lastProblem = "no refresh has completed yet";

    // Owned by the loop.
    private boolean inFlight;
    private boolean again;
    private boolean delayedScheduled;
    private long lastFinishedNanos;
    private Channel control;
    private String controlHost;
    private String controlTarget = "?";
    /** What went wrong with each node asked in the current refresh, for the error clients see. */
    private final List<String> attempts = new ArrayList<>();
    private List<HostPort> candidates = List.of();
    private int candidateIndex;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> periodic;
    /** Best partial map seen in this refresh (a node still learning the cluster may know fewer slots). */
    private Topology bestPartial;
    private String lastShape = "";
    private boolean closed;

    public TopologyRefresher(EventLoop loop, ClusterOptions options, BackendTransport transport,
                             AddressResolver resolver, BackendRegistry registry, ClusterSlotsReader reader) {
        this.loop = loop;
        this.options = options;
        this.transport = transport;
        this.resolver = resolver;
        this.registry = registry;
        this.reader = reader;
    }

    /** Starts the first refresh at once and the periodic ones. */
    public void start() {
        long period = options.refreshInterval().toMillis();
        periodic = loop.scheduleAtFixedRate(this::requestRefresh, 0, period, TimeUnit.MILLISECONDS);
    }

    /** The current map, or null before any refresh succeeded. */
    public Topology current() {
        return current;
    }

    /** Why the last refresh failed (for errors shown to clients while there is no map). */
    public String lastProblem() {
        return lastProblem;
    }

    public long refreshCount() {
        return refreshes.sum();
    }

    public long failedRefreshCount() {
        return failedRefreshes.sum();
    }

    /** Asks for a refresh soon; cheap and safe from any thread. */
    public void requestRefresh() {
        if (triggerQueued.compareAndSet(false, true)) {
            loop.execute(this::onTrigger);
        }
    }

    private void onTrigger() {
        triggerQueued.set(false);
        if (closed) {
            return;
        }
        if (inFlight) {
            again = true;
            return;
        }
        long wait = MIN_GAP_NANOS - (System.nanoTime() - lastFinishedNanos);
        if (lastFinishedNanos != 0 && wait > 0) {
            if (!delayedScheduled) {
                delayedScheduled = true;
                loop.schedule(() -> {
                    delayedScheduled = false;
                    requestRefresh();
                }, wait, TimeUnit.NANOSECONDS);
            }
            return;
        }
        begin();
    }

    private void begin() {
        inFlight = true;
        bestPartial = null;
        attempts.clear();
        refreshes.increment();
        candidates = candidates();
        candidateIndex = 0;
        if (control != null && control.isActive()) {
            ask(control); // on failure the candidates are tried in order
            return;
        }
        tryNext();
    }

    /** Healthy known nodes first (masters, then replicas), then the configured seeds. */
    private List<HostPort> candidates() {
        Map<String, HostPort> ordered = new LinkedHashMap<>();
        Topology t = current;
        long now = System.nanoTime();
        if (t != null) {
            for (BackendServer s : t.servers()) {
                if (!s.isFailed(now)) {
                    ordered.putIfAbsent(s.address(), s.hostPort());
                }
            }
        }
        for (HostPort seed : options.servers()) {
            ordered.putIfAbsent(seed.toString(), seed);
        }
        return new ArrayList<>(ordered.values());
    }

    private void tryNext() {
        closeControl();
        if (candidateIndex >= candidates.size()) {
            if (bestPartial != null) {
                install(bestPartial);
                finish(true, null);
                return;
            }
            finish(false, "no server answered CLUSTER SLOTS (" + String.join("; ", attempts) + ")");
            return;
        }
        HostPort target = candidates.get(candidateIndex++);
        InetSocketAddress address;
        try {
            address = resolver.resolve(target);
        } catch (Exception e) {
            attempts.add(target + ": cannot resolve host (" + e.getMessage() + ")");
            tryNext();
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, options.serverTimeout().toMillis()))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RespReplyDecoder(), new ControlHandler());
                    }
                });
        ChannelFuture f = b.connect(address);
        Channel ch = f.channel();
        control = ch;
        controlHost = target.host();
        controlTarget = target.toString();
        f.addListener(done -> {
            if (ch != control) {
                return;
            }
            if (done.isSuccess()) {
                if (!options.password().isEmpty()) {
                    ByteBuf auth = Unpooled.buffer();
                    RespWriter.writeCommand(auth, "AUTH", options.password());
                    ch.write(auth);
                }
                ask(ch);
            } else {
                Throwable cause = done.cause();
                failCandidate("cannot connect" + (cause == null ? "" : " (" + cause.getMessage() + ")"));
            }
        });
    }

    /** The node being asked did not give a usable map: note why and ask the next one. */
    private void failCandidate(String why) {
        attempts.add(controlTarget + ": " + why);
        tryNext();
    }

    private void ask(Channel ch) {
        ByteBuf req = Unpooled.buffer(32);
        RespWriter.writeCommand(req, "CLUSTER", "SLOTS");
        ch.writeAndFlush(req);
        cancelTimeout();
        timeout = loop.schedule(() -> {
            if (ch == control && inFlight) {
                failCandidate("no reply within " + options.serverTimeout().toMillis() + " ms");
            }
        }, options.serverTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onReply(Channel ch, ByteBuf reply) {
        if (ch != control || !inFlight) {
            return;
        }
        Object value;
        try {
            value = RespValues.read(reply);
        } catch (RuntimeException e) {
            failCandidate("unreadable reply (" + e.getMessage() + ")");
            return;
        }
        if ("OK".equals(value)) {
            return; // the AUTH reply
        }
        if (value instanceof RespError err && (err.prefix().equals("WRONGPASS") || err.text().contains("AUTH"))) {
            failCandidate("AUTH failed: " + err.text());
            return;
        }
        Topology t;
        try {
            t = reader.read(value, controlHost);
        } catch (RuntimeException e) {
            failCandidate(e.getMessage());
            return;
        }
        if (t.assignedSlots() == 0) {
            failCandidate("knows no slot owners yet");
            return;
        }
        Topology old = current;
        if (old != null && t.assignedSlots() < old.assignedSlots()) {
            // Fewer slots than before: maybe this node has not heard of everything yet; ask the others first.
            if (bestPartial == null || t.assignedSlots() > bestPartial.assignedSlots()) {
                bestPartial = t;
            }
            tryNext();
            return;
        }
        install(t);
        finish(true, null);
    }

    private void install(Topology t) {
        current = t;
        // Roles after the map: a request routed by the old map to a master it believes in never goes out with
        // READONLY (a replica read routed by the new map meanwhile just meets a MOVED and follows it).
        for (ShardRoute shard : t.shards()) {
            shard.master().setReplica(false);
            shard.replicas().forEach(r -> r.setReplica(true));
        }
        Set<String> addresses = t.servers().stream().map(BackendServer::address).collect(Collectors.toSet());
        registry.retainOnly(addresses);
        String shape = t.shards().stream().map(s -> s.master() + "(" + s.slotCount() + " slots) replicas "
                + s.replicas()).collect(Collectors.joining("; "));
        if (!shape.equals(lastShape)) {
            lastShape = shape;
            log.info("slot map: {} of 16384 slots assigned; {}", t.assignedSlots(), shape);
        }
    }

    private void finish(boolean ok, String problem) {
        inFlight = false;
        cancelTimeout();
        lastFinishedNanos = System.nanoTime();
        if (!ok) {
            failedRefreshes.increment();
            if (!problem.equals(lastProblem)) {
                log.warn("slot map refresh failed, keeping the {}: {}", current == null ? "(empty) map" : "old map",
                        problem);
            }
            lastProblem = problem;
        }
        if (again) {
            again = false;
            requestRefresh();
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    private void closeControl() {
        if (control != null) {
            Channel ch = control;
            control = null;
            ch.close();
        }
    }

    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            if (periodic != null) {
                periodic.cancel(false);
            }
            cancelTimeout();
            closeControl();
        });
    }

    private final class ControlHandler extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            onReply(ctx.channel(), msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == control) {
                if (inFlight) {
                    failCandidate("connection closed");
                } else {
                    control = null;
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("control connection error: {}", cause.toString());
            ctx.close();
        }
    }
}

package io.slotgate.node.persistence;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.slotgate.node.MemoryUnits;
import io.slotgate.node.cluster.ClusterService;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.command.PersistenceHook;
import io.slotgate.node.persistence.aof.AofLoader;
import io.slotgate.node.persistence.aof.AofManifest;
import io.slotgate.node.persistence.aof.AofRewriter;
import io.slotgate.node.persistence.aof.AofWriter;
import io.slotgate.node.persistence.aof.FsyncPolicy;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.persistence.snapshot.RdbLoading;
import io.slotgate.node.persistence.snapshot.SnapshotService;
import io.slotgate.node.replication.ReplicationManager;
import io.slotgate.node.replication.StreamApplier;
import io.slotgate.node.replication.StreamSink;
import io.slotgate.node.store.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A node's persistence: start-up loading (AOF, else dump.rdb), the AOF writer fed by the replication stream,
 * rewrites, snapshots, the timers (auto rewrite, {@code save} rules) and what commands see of it.
 * <p>
 * Threads: the stream reaches {@link #append} on the replication loop; the AOF file is owned by the
 * {@link AofWriter}'s thread; base and dump files are written on this class's "persistence" thread, which also
 * runs the timers and starts rewrites (so at most one runs). Fields read elsewhere are volatile.
 */
public final class PersistenceManager implements PersistenceHook, StreamSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistenceManager.class);

    private final Keyspace keyspace;
    private final ReplicationManager replication;
    private final ScheduledExecutorService exec;
    private final SnapshotService snapshots;
    private final AofRewriter rewriter;
    private volatile PersistenceOptions options;
    private volatile AofWriter writer;
    private volatile boolean loading = true;
    private volatile long loadingStartSeconds;

    // ---- rewrite state (persistence thread; volatile for INFO) ----
    private volatile boolean rewriteInProgress;
    private volatile boolean lastRewriteOk = true;
    private volatile long rewriteStartedMillis;
    private volatile long lastRewriteSec = -1;
    private volatile long rewrites;

    public PersistenceManager(PersistenceOptions options, Keyspace keyspace, ReplicationManager replication) {
        this.options = options;
        this.keyspace = keyspace;
        this.replication = replication;
        this.exec = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("persistence", true));
        this.snapshots = new SnapshotService(replication, exec);
        this.rewriter = new AofRewriter(replication, exec);
    }

    // ================================ start-up ================================

    /**
     * Loads the data set (blocking; clients get LOADING meanwhile), then opens the AOF when enabled and starts the
     * timers. Call after the replication manager has started and before the cluster engine does.
     */
    public void loadAndStart(NodeContext node) throws PersistenceException {
        try {
            load(node);
        } finally {
            // cluster commands (CLUSTER ADDSLOTS from a script that saw the port open) must not meet LOADING
            // while the engine starts: loading ends with the data, the slot check follows (checkSlots)
            loading = false;
        }
        exec.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
    }

    private void load(NodeContext node) throws PersistenceException {
        loadingStartSeconds = System.currentTimeMillis() / 1000;
        long started = System.nanoTime();
        PersistenceOptions o = options;
        AofManifest manifest = readManifest(o);
        if (o.appendonly() && manifest != null) {
            StreamApplier applier = new StreamApplier(keyspace);
            applier.attach(node);
            AofLoader.Result r = new AofLoader(o, keyspace, applier).load(manifest);
            log.info("DB loaded from append only file: {} base keys, {} commands, {} ms", r.baseKeys(), r.commands(),
                    (System.nanoTime() - started) / 1_000_000);
        } else if (Files.isRegularFile(o.dumpFile())) {
            try (InputStream in = Files.newInputStream(o.dumpFile())) {
                var summary = RdbLoading.load(keyspace, in, o.keyLoadDelayMicros());
                log.info("DB loaded from disk: {} keys from {} (RDB version {}, redis-ver {}) in {} ms",
                        summary.keys(), o.dumpFile(), summary.version(), summary.aux().get("redis-ver"),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RdbFormatException e) {
                throw new PersistenceException("Bad file format reading " + o.dumpFile() + ": " + e.getMessage()
                        + ". Fix or move the file away (redis-check-rdb shows where it breaks)");
            } catch (IOException e) {
                throw new PersistenceException("Cannot read " + o.dumpFile() + ": " + e.getMessage(), e);
            }
        }
        if (o.appendonly()) {
            try {
                if (manifest != null) {
                    AofWriter w = new AofWriter(o.aofDir(), manifest, o.appendfsync());
                    writer = w;
                    replication.attachSink(this);
                } else if (keyspace.gather(p -> p.size()).join().stream().mapToInt(Integer::intValue).sum() == 0) {
                    startEmptyAof(o);
                } else {
                    // no AOF yet: its first base is the data just loaded, written before anyone writes
                    createAof(o, null).get(300, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new PersistenceException("Cannot open the append only file in " + o.aofDir() + ": "
                        + e.getMessage(), e);
            }
        } else if (!o.saveRules().isEmpty()) {
            replication.attachSink(this);
        }
    }

    /**
     * First start with appendonly yes and nothing loaded: an empty base and an empty incremental file at once (as
     * Redis creates its first base at start), without a snapshot.
     */
    private void startEmptyAof(PersistenceOptions o) throws IOException {
        Path dir = Files.createDirectories(o.aofDir());
        AofManifest.AofFile base = AofManifest.base(o.appendfilename(), 1);
        var empty = new java.io.ByteArrayOutputStream();
        io.slotgate.node.persistence.rdb.RdbFileWriter.write(empty,
                io.slotgate.node.persistence.rdb.RdbFileWriter.defaultAux(System.currentTimeMillis()), java.util.List.of());
        io.slotgate.node.persistence.snapshot.RdbFiles.writeAtomically(
                io.netty.buffer.Unpooled.wrappedBuffer(empty.toByteArray()), dir.resolve(base.name()));
        AofManifest m = new AofManifest(o.appendfilename(), base,
                java.util.List.of(AofManifest.incr(o.appendfilename(), 1)));
        AofWriter w = new AofWriter(dir, m, o.appendfsync());
        m.write(dir);
        writer = w;
        replication.attachSink(this);
        log.info("Creating AOF base file {} on server start", base.name());
    }

    /** After the cluster engine started: Redis's check of keys in slots this node does not own (cluster.c). */
    public void checkSlots(ClusterService cluster, boolean clusterEnabled) {
        if (clusterEnabled) {
            SlotOwnershipCheck.run(keyspace, cluster);
        }
    }

    private static AofManifest readManifest(PersistenceOptions o) throws PersistenceException {
        try {
            return AofManifest.read(o.aofDir(), o.appendfilename());
        } catch (IOException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** A new AOF set from the current data; the writer is attached at the snapshot's cut. */
    private CompletableFuture<AofWriter> createAof(PersistenceOptions o, AofManifest stale) throws IOException {
        Files.createDirectories(o.aofDir());
        rewriteInProgress = true;
        rewriteStartedMillis = System.currentTimeMillis();
        return rewriter.create(o.aofDir(), o.appendfilename(), stale, fresh -> {
            try {
                AofWriter w = new AofWriter(o.aofDir(), fresh, o.appendfsync());
                writer = w;
                replication.attachSink(this);
                return w;
            } catch (IOException e) {
                log.error("cannot open the AOF file: {}", e.getMessage());
                return null;
            }
        }).whenComplete((w, e) -> rewriteFinished(e));
    }

    // ================================ StreamSink (replication loop) ================================

    @Override
    public void append(ByteBuf bytes) {
        snapshots.countChange();
        AofWriter w = writer;
        if (w != null) {
            w.append(bytes);
        }
    }

    @Override
    public boolean syncEveryWrite() {
        AofWriter w = writer;
        return w != null && w.syncEveryWrite();
    }

    @Override
    public void whenDurable(Runnable done) {
        AofWriter w = writer;
        if (w != null) {
            w.whenDurable(done);
        } else {
            done.run();
        }
    }

    @Override
    public void datasetReplaced() {
        if (writer != null) {
            exec.execute(() -> startRewrite("the data set was replaced by a full sync"));
        }
    }

    // ================================ rewrites and saves ================================

    /** Starts a rewrite unless one runs; on the persistence thread. Returns an error text or null. */
    private String startRewrite(String why) {
        if (rewriteInProgress) {
            return "ERR Background append only file rewriting already in progress";
        }
        PersistenceOptions o = options;
        AofWriter w = writer;
        rewriteInProgress = true;
        rewriteStartedMillis = System.currentTimeMillis();
        log.info("Background append only file rewriting started ({})", why);
        if (w == null) {
            // BGREWRITEAOF with appendonly no (as Redis: the files are written, nothing appends to them)
            try {
                Files.createDirectories(o.aofDir());
                AofManifest stale = AofManifest.read(o.aofDir(), o.appendfilename());
                CompletableFuture<AofWriter> created = rewriter.create(o.aofDir(), o.appendfilename(), stale,
                        fresh -> {
                            try {
                                return new AofWriter(o.aofDir(), fresh, o.appendfsync());
                            } catch (IOException e) {
                                return null;
                            }
                        });
                created.whenComplete((cw, e) -> {
                    if (cw != null) {
                        cw.close();
                    }
                    rewriteFinished(e);
                });
            } catch (IOException e) {
                rewriteFinished(e);
            }
            return null;
        }
        rewriter.rewrite(w).whenComplete((size, e) -> rewriteFinished(e));
        return null;
    }

    private void rewriteFinished(Throwable e) {
        lastRewriteSec = (System.currentTimeMillis() - rewriteStartedMillis) / 1000;
        lastRewriteOk = e == null;
        rewriteInProgress = false;
        rewrites++;
        if (e == null) {
            log.info("Background AOF rewrite finished successfully");
        } else {
            log.error("Background AOF rewrite failed: {}", e.getMessage());
        }
    }

    private void everySecond() {
        try {
            PersistenceOptions o = options;
            AofWriter w = writer;
            if (w != null && !rewriteInProgress && o.autoAofRewritePercentage() > 0) {
                long size = w.currentSize();
                long base = Math.max(1, w.baseSize());
                long growth = (size - base) * 100 / base;
                if (size > o.autoAofRewriteMinSize() && growth >= o.autoAofRewritePercentage()) {
                    startRewrite("Starting automatic rewriting of AOF on " + growth + "% growth");
                }
            }
            long now = System.currentTimeMillis() / 1000;
            for (PersistenceOptions.SaveRule r : o.saveRules()) {
                if (!snapshots.inProgress() && snapshots.changes() >= r.changes()
                        && now - snapshots.lastSaveSeconds() >= r.seconds()) {
                    log.info("{} changes in {} seconds. Saving...", r.changes(), r.seconds());
                    snapshots.save(() -> options.dumpFile());
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("persistence timer failed", e);
        }
    }

    // ================================ PersistenceHook (commands) ================================

    @Override
    public boolean isLoading() {
        return loading;
    }

    @Override
    public void save(Call call) {
        CompletableFuture<Long> f = snapshots.save(() -> options.dumpFile());
        if (f == null) {
            call.error("ERR Background save already in progress");
            return;
        }
        call.completeOnClientLoop(f, size -> call.ok());
    }

    @Override
    public void bgsave(Call call) {
        if (call.argc() > 2 || call.argc() == 2 && !call.argIs(1, "schedule")) {
            call.error("ERR syntax error");
            return;
        }
        CompletableFuture<Long> f = snapshots.save(() -> options.dumpFile());
        if (f == null) {
            call.error("ERR Background save already in progress");
            return;
        }
        call.simple("Background saving started");
    }

    @Override
    public void bgrewriteaof(Call call) {
        call.completeOnClientLoop(CompletableFuture.supplyAsync(() -> startRewrite("BGREWRITEAOF"), exec),
                error -> {
                    if (error != null) {
                        call.error(error);
                    } else {
                        call.simple("Background append only file rewriting started");
                    }
                });
    }

    @Override
    public long lastSaveSeconds() {
        return snapshots.lastSaveSeconds();
    }

    @Override
    public void infoPersistence(StringBuilder sb) {
        AofWriter w = writer;
        sb.append("loading:").append(loading ? 1 : 0).append("\r\n");
        sb.append("async_loading:0\r\n");
        if (loading) {
            sb.append("loading_start_time:").append(loadingStartSeconds).append("\r\n");
        }
        sb.append("current_cow_peak:0\r\ncurrent_cow_size:0\r\ncurrent_fork_perc:0.00\r\n");
        snapshots.info(sb);
        sb.append("aof_enabled:").append(w != null ? 1 : 0).append("\r\n");
        sb.append("aof_rewrite_in_progress:").append(rewriteInProgress ? 1 : 0).append("\r\n");
        sb.append("aof_rewrite_scheduled:0\r\n");
        sb.append("aof_last_rewrite_time_sec:").append(lastRewriteSec).append("\r\n");
        sb.append("aof_current_rewrite_time_sec:").append(rewriteInProgress
                ? (System.currentTimeMillis() - rewriteStartedMillis) / 1000 : -1).append("\r\n");
        sb.append("aof_last_bgrewrite_status:").append(lastRewriteOk ? "ok" : "err").append("\r\n");
        sb.append("aof_rewrites:").append(rewrites).append("\r\n");
        sb.append("aof_last_write_status:").append(w == null || w.lastWriteOk() ? "ok" : "err").append("\r\n");
        if (w != null) {
            sb.append("aof_current_size:").append(w.currentSize()).append("\r\n");
            sb.append("aof_base_size:").append(w.baseSize()).append("\r\n");
            sb.append("aof_pending_rewrite:0\r\naof_buffer_length:0\r\naof_pending_bio_fsync:0\r\n");
            sb.append("aof_delayed_fsync:0\r\n");
        }
    }

    @Override
    public Map<String, String> configValues() {
        PersistenceOptions o = options;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("appendonly", o.appendonly() ? "yes" : "no");
        m.put("appendfsync", o.appendfsync().configName());
        m.put("appendfilename", o.appendfilename());
        m.put("appenddirname", o.appenddirname());
        m.put("aof-load-truncated", o.aofLoadTruncated() ? "yes" : "no");
        m.put("auto-aof-rewrite-percentage", String.valueOf(o.autoAofRewritePercentage()));
        m.put("auto-aof-rewrite-min-size", String.valueOf(o.autoAofRewriteMinSize()));
        m.put("aof-use-rdb-preamble", "yes");
        m.put("dbfilename", o.dbfilename());
        m.put("save", o.saveText());
        return m;
    }

    @Override
    public synchronized String configSet(String name, String value) {
        try {
            PersistenceOptions o = options;
            switch (name) {
                case "appendonly" -> {
                    boolean on = PersistenceOptions.yesNo(name, value, false);
                    options = o.withAppendonly(on);
                    if (on && writer == null) {
                        exec.execute(this::enableAof);
                    } else if (!on && writer != null) {
                        AofWriter w = writer;
                        writer = null;
                        if (options.saveRules().isEmpty()) {
                            replication.attachSink(null);
                        }
                        exec.execute(w::close);
                    }
                }
                case "appendfsync" -> {
                    FsyncPolicy p = FsyncPolicy.parse(value);
                    options = o.withAppendfsync(p);
                    AofWriter w = writer;
                    if (w != null) {
                        w.setPolicy(p);
                    }
                }
                case "aof-load-truncated" -> options = o.withAofLoadTruncated(PersistenceOptions.yesNo(name, value,
                        true));
                case "auto-aof-rewrite-percentage" -> options = o.withAutoRewrite(Integer.parseInt(value.trim()),
                        o.autoAofRewriteMinSize());
                case "auto-aof-rewrite-min-size" -> options = o.withAutoRewrite(o.autoAofRewritePercentage(),
                        MemoryUnits.parse(value));
                case "dbfilename" -> {
                    if (value.contains("/")) {
                        return "ERR CONFIG SET failed (possibly related to argument 'dbfilename') - "
                                + "dbfilename can't be a path, just a filename";
                    }
                    options = o.withDbfilename(value);
                }
                case "save" -> {
                    options = o.withSaveRules(PersistenceOptions.parseSave(value));
                    if (!options.saveRules().isEmpty()) {
                        replication.attachSink(this);
                    }
                }
                case "aof-use-rdb-preamble" -> {
                    // always yes: every base is an RDB
                }
                default -> {
                    return "ERR CONFIG SET failed (possibly related to argument '" + name
                            + "') - can't set immutable config";
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + e.getMessage();
        }
    }

    /** CONFIG SET appendonly yes: a rewrite creates the set, as Redis does (persistence thread). */
    private void enableAof() {
        if (writer != null || rewriteInProgress) {
            return;
        }
        PersistenceOptions o = options;
        try {
            createAof(o, AofManifest.read(o.aofDir(), o.appendfilename()));
        } catch (IOException e) {
            log.error("cannot turn the AOF on: {}", e.getMessage());
            rewriteFinished(e);
        }
    }

    /** Whether an AOF rewrite is running (tests). */
    public boolean rewriteInProgress() {
        return rewriteInProgress;
    }

    @Override
    public void close() {
        exec.shutdown();
        try {
            exec.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replication.attachSink(null);
        AofWriter w = writer;
        writer = null;
        if (w != null) {
            w.close();
        }
    }

    /** The AOF directory in use (tests, tools). */
    public Path aofDir() {
        return options.aofDir();
    }
}

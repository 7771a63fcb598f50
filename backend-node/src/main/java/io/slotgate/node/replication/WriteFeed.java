package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.slotgate.node.command.Call;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;

/**
 * Turns the writes that run on the partition loops into replication stream bytes (replication.md §3) and hands
 * them to the replication loop in each partition's order: client writes as propagated, a transaction as one
 * MULTI/EXEC block, expirations as DEL, FLUSHALL at one point of the stream. The per-partition state is owned by
 * each partition's loop.
 */
final class WriteFeed {

    private static final Logger log = LoggerFactory.getLogger(WriteFeed.class);

    private final Keyspace keyspace;
    private final EventLoop loop;
    private final Snapshotter snapshotter;
    /** Runs on the replication loop: appends one write's bytes (released by it) for its client (may be null). */
    private final BiConsumer<ByteBuf, ClientSession> sink;
    /** Arguments of blocking commands that parked: their request is gone when they are served (per partition). */
    private final Map<Call, byte[][]>[] parked;
    /** Stream bytes of the transaction (EXEC) running on each partition, sent as one MULTI/EXEC block. */
    private final List<ByteBuf>[] transactions;
    /** The client whose transaction fills {@link #transactions} on each partition. */
    private final ClientSession[] transactionOwners;
    /** Whether this node produces a stream at all (a master with a backlog); read by every partition. */
    private volatile boolean feeding;
    /** Whether a master's append-only file wants the stream even without a backlog. */
    private volatile boolean logging;
    /** Runs on the partition loop after a client write was fed (appendfsync always holds its reply there). */
    private final java.util.function.Consumer<Call> afterFeed;

    @SuppressWarnings("unchecked")
    WriteFeed(Keyspace keyspace, EventLoop loop, Snapshotter snapshotter, BiConsumer<ByteBuf, ClientSession> sink,
              java.util.function.Consumer<Call> afterFeed) {
        this.keyspace = keyspace;
        this.afterFeed = afterFeed;
        this.loop = loop;
        this.snapshotter = snapshotter;
        this.sink = sink;
        int n = keyspace.partitionCount();
        this.parked = new Map[n];
        this.transactions = new List[n];
        this.transactionOwners = new ClientSession[n];
        for (int i = 0; i < n; i++) {
            parked[i] = new WeakHashMap<>();
            transactions[i] = new ArrayList<>();
        }
    }

    void setFeeding(boolean on) {
        feeding = on;
    }

    void setLogging(boolean on) {
        logging = on;
    }

    /** A client write ran on its partition's loop (or, keyless, on the client's loop). */
    void propagate(Call call) {
        byte[][] args = null;
        if (WriteRewriter.isBlocking(call.entry().name()) && call.db() != null) {
            Map<Call, byte[][]> mine = parked[call.db().index()];
            if (call.isAsync() && !call.isDone() && !call.out().isReadable()) {
                mine.put(call, WriteRewriter.copyArgs(call)); // parked now, served (and propagated) later
                return;
            }
            args = mine.remove(call);
        }
        if (!feeding && !logging) {
            return;
        }
        ByteBuf bytes = WriteRewriter.rewrite(call, args);
        if (bytes == null) {
            return;
        }
        if (call.db() == null) {
            flushAtOnePoint(bytes, call.session());
            return;
        }
        int p = call.db().index();
        if (call.inTransaction()) {
            List<ByteBuf> tx = transactions[p];
            if (tx.isEmpty()) {
                transactionOwners[p] = call.session();
                keyspace.loop(p).execute(() -> endTransaction(p)); // runs right after the EXEC task
            }
            tx.add(bytes);
            return;
        }
        endTransaction(p);
        feed(bytes, call.session());
        afterFeed.accept(call);
    }

    /** Sends the buffered transaction of partition {@code p} as one MULTI ... EXEC block (on p's loop). */
    void endTransaction(int p) {
        List<ByteBuf> tx = transactions[p];
        if (tx.isEmpty()) {
            return;
        }
        ClientSession owner = transactionOwners[p];
        transactionOwners[p] = null;
        if (tx.size() == 1) {
            feed(tx.get(0), owner);
        } else {
            var block = Unpooled.compositeBuffer(tx.size() + 2);
            block.addComponent(true, StreamCommands.of("MULTI"));
            tx.forEach(b -> block.addComponent(true, b));
            block.addComponent(true, StreamCommands.of("EXEC"));
            feed(block, owner);
        }
        tx.clear();
    }

    /** A key expired on partition {@code partition} (on its loop): replicas delete it when we say so. */
    void expired(int partition, byte[] key) {
        if (feeding || logging) {
            endTransaction(partition);
            feed(StreamCommands.of("DEL".getBytes(StandardCharsets.US_ASCII), key), null);
        }
    }

    /**
     * A keyless write (FLUSHALL, FLUSHDB) acts on every partition at a different moment. To keep the replicas
     * equal it is placed in the stream at one point: every loop meets at a barrier, the last one sends it, and each
     * applies the flush again right there (writes before the barrier are gone on both sides, writes after it kept
     * on both). The handler has already queued its own flush tasks, which run before these.
     */
    private void flushAtOnePoint(ByteBuf bytes, ClientSession session) {
        snapshotter.atOnePoint(true, () -> feed(bytes, session), (p, held, arrived) -> {
            if (held) {
                keyspace.partition(p).flush();
            }
        }, held -> {
            if (!held) {
                log.error("FLUSHALL could not be placed in the replication stream (barrier timed out)");
                bytes.release();
            }
        });
    }

    private void feed(ByteBuf bytes, ClientSession writer) {
        loop.execute(() -> sink.accept(bytes, writer));
    }
}

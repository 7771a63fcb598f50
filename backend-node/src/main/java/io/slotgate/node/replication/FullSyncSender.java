package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The master side of a full resync (replication.md §2.2): +FULLRESYNC with the snapshot cut's id and offset, the
 * RDB as {@code $<len>\r\n<bytes>}, then the link goes online and the stream written since the cut follows.
 * Runs on the replication loop.
 */
final class FullSyncSender {

    private static final Logger log = LoggerFactory.getLogger(FullSyncSender.class);

    /** The stream's position at the snapshot cut. */
    record Cut(String replid, long offset) {
    }

    private final Snapshotter snapshotter;

    FullSyncSender(Snapshotter snapshotter) {
        this.snapshotter = snapshotter;
    }

    /**
     * @param fromReplica this node is itself a replica (its snapshot needs no barrier, see Snapshotter)
     * @param atCut       called on the replication loop at the cut: the stream's id and offset there
     */
    void send(ReplicaLink link, boolean fromReplica, Supplier<Cut> atCut) {
        Cut[] cut = new Cut[1];
        long started = System.nanoTime();
        snapshotter.take(fromReplica, () -> {
            cut[0] = atCut.get();
            link.state = ReplicaLink.State.SEND_BULK;
            if (!link.plainSync) {
                link.write(Unpooled.copiedBuffer("+FULLRESYNC " + cut[0].replid() + " " + cut[0].offset() + "\r\n",
                        StandardCharsets.US_ASCII));
                link.flush();
            }
        }, segments -> {
            ByteBuf rdb = RdbWriter.assemble(cut[0].replid(), cut[0].offset(), segments);
            if (!link.channel.isActive()) {
                rdb.release();
                return;
            }
            long bytes = rdb.readableBytes();
            link.write(Unpooled.copiedBuffer("$" + bytes + "\r\n", StandardCharsets.US_ASCII));
            link.write(rdb);
            if (link.handshake.rdbOnly()) {
                link.channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> link.channel.close());
                return;
            }
            link.goOnline();
            log.info("full sync to {}: {} bytes at offset {} in {} ms (longest partition pause {} ms)", link.ip(),
                    bytes, cut[0].offset(), (System.nanoTime() - started) / 1_000_000, snapshotter.lastPauseMillis());
        }, why -> {
            log.warn("full sync to {} failed: {}", link.ip(), why);
            link.channel.close();
        });
    }
}

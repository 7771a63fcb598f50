/**
 * Point-in-time snapshots: SAVE and BGSAVE ({@link io.slotgate.node.persistence.snapshot.SnapshotService}) take the
 * replication Snapshotter's consistent cut and write {@code dbfilename} through a temporary file and a rename
 * ({@link io.slotgate.node.persistence.snapshot.RdbFiles}); SAVE answers when the file is on disk but, unlike
 * Redis's, does not stop other clients. {@code save} points ("seconds changes" pairs) trigger BGSAVE; the node's
 * default is none. {@link io.slotgate.node.persistence.snapshot.RdbLoading} streams an RDB (dump.rdb, AOF base)
 * into the keyspace at start-up, with Redis's {@code key-load-delay} debugging pause per key.
 */
package io.slotgate.node.persistence.snapshot;

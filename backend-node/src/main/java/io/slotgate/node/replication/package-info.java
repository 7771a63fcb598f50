/**
 * Replication, both sides (replication.md), driven by the cluster engine through
 * {@link io.slotgate.node.cluster.ReplicationControl} and by the command layer through
 * {@link io.slotgate.node.command.ReplicationHook}; {@link io.slotgate.node.replication.ReplicationManager}
 * implements both.
 *
 * <h2>One order for the stream</h2>
 * Partitions run on different loops. After a write command succeeds on its partition's loop, the dispatcher's hook
 * turns it into stream bytes there ({@code WriteRewriter}: the request bytes, or a deterministic form for commands
 * whose replay could differ) and hands them to the single replication loop. That loop owns the ids, the backlog
 * (ring of {@code repl-backlog-size} bytes, {@code ReplicationBacklog}), master_repl_offset, the replica links and
 * WAITs. Its FIFO queue gives the stream one order in which each partition's writes (hence each slot's) keep the
 * order they ran in; writes of different slots commute, so any interleaving of them is a valid history.
 * Nothing is produced before the first replica attaches (as Redis: no backlog, offset 0). {@code WriteFeed} is that
 * partition-side half (propagation, MULTI/EXEC blocks, expiry DELs, FLUSHALL at one point).
 *
 * <h2>WAIT and the manual-failover pause</h2>
 * {@code ReplicaAckWaits}: WAIT's target is the offset right after the calling client's own last write (Redis's
 * c->woff, kept on its channel), answered from REPLCONF ACKs. {@code WritePause}: while a replica's CLUSTER
 * FAILOVER pauses this master (cluster-engine.md §8.4), client writes wait (in order per client, no loop blocked)
 * and run again when the pause ends, getting MOVED if the failover moved their slot; reads are served. The pause
 * "settles" once every partition finished the writes it had started, and only then does the bus advertise the
 * offset. While paused nothing else moves the offset: no PING, no GETACK, no expiry.
 *
 * <h2>Full resync without fork: a barrier snapshot</h2>
 * {@code Snapshotter}: one task per partition loop; each arrives at a barrier and waits for all the others. Then
 * no loop can produce stream bytes, so the last one to arrive posts the cut to the replication loop, where it is
 * ordered after every write made before the barrier and before every write after it: the cut's offset is the
 * +FULLRESYNC offset. Each loop then serializes its own partition to RDB bytes in that same task and resumes.
 * The price is a pause of every loop for (slowest loop to reach the barrier) + (its own serialization), which
 * is proportional to partition size; the log reports it ("longest partition pause"). Stream bytes produced for a
 * replica after the cut wait in its link until the snapshot has been written, then follow it.
 * On a replica the stream is applied by the replication loop itself, which hands each command to its partition's
 * loop; a serialize task handed over at offset X runs after exactly the commands before X, so a sub-replica's
 * snapshot needs no barrier.
 *
 * <h2>Payload</h2>
 * RDB version 10 ({@code RdbWriter}): aux fields (repl-id, repl-offset...), SELECTDB 0, RESIZEDB, plain
 * encodings only (string, list, set, hash, zset_2), EOF and CRC64 (Jones, as Redis); sent as
 * {@code $<len>\r\n<bytes>}. A real redis-server 7.0 loads it (RedisReplicaCompatibilityIntegrationTests).
 * Snapshots are written here rather than with {@code persistence.rdb}'s {@code KeyspaceRdb.capture} because
 * each partition streams straight into 1 MB chunks on its own loop, without an intermediate entry list. Received
 * snapshots are read with the shared {@code RdbFileReader}, which knows every Redis 7.0 encoding; both the
 * {@code $len} and the diskless {@code $EOF:<mark>} forms are accepted, so our node can replicate from a
 * redis-server (RedisMasterCompatibilityIntegrationTests).
 *
 * <h2>Replica side</h2>
 * {@code MasterLink} (Netty client on the replication loop): PING, [AUTH masterauth], REPLCONF listening-port,
 * REPLCONF capa eof capa psync2, PSYNC (a known history's replid and offset+1, else ? -1), then the snapshot
 * ({@code $len} or {@code $EOF:} form) and the stream. {@code StreamApplier} loads snapshots in batches per
 * partition (after flushing them) and runs each stream command on its partition's loop without the slot gate and
 * without a reply. Every byte received is also appended to our own backlog and forwarded verbatim to our
 * replicas (chains share the replid and offsets). ACK every second and on GETACK. On link loss: reconnect and
 * PSYNC from our offset (partial resync). A replica answers client writes with READONLY, never expires keys itself
 * (reads of logically expired keys return nil; the master's DEL removes them).
 */
package io.slotgate.node.replication;

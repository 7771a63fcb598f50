/**
 * The append-only file, in Redis 7's multi-part layout (manifest + RDB base + incremental RESP files).
 *
 * <h2>One stream for replicas and the AOF</h2>
 * The AOF does not re-encode commands: it is a {@link io.slotgate.node.replication.StreamSink} of the replication
 * manager and receives exactly the bytes a replica would (after {@code WriteRewriter}: deterministic forms of
 * non-deterministic commands, absolute expiry times, DELs of expired keys, FLUSHALL placed at one point, MULTI/EXEC
 * blocks), in the stream's single order. Loading replays that stream with the replica's
 * {@link io.slotgate.node.replication.StreamApplier}, so an AOF and a replica never disagree on what a command
 * means. A replica with appendonly logs the commands it applies, and rewrites its AOF after a full sync.
 *
 * <h2>fsync: group commit</h2>
 * {@link io.slotgate.node.persistence.aof.AofWriter} owns the file on one thread and takes everything queued at
 * once: one gathering write, then under {@code appendfsync always} one fsync, then the replies of that whole batch
 * are released (a write's call stays unanswered until then; clients pipelining or running concurrently share the
 * fsync, as Redis's per-event-loop-iteration flush does). {@code everysec} forces at most once a second on the
 * same thread, never on a client's path, so a crash loses at most about a second of acknowledged writes;
 * {@code no} leaves it to the OS. Under {@code always}, EXEC and fan-out replies (FLUSHALL) are not held back:
 * their commands are on disk within the same group-commit window but the reply may leave a few ms earlier.
 *
 * <h2>Rewrite without stopping clients</h2>
 * {@link io.slotgate.node.persistence.aof.AofRewriter} uses the replication Snapshotter, which cuts the stream at
 * one point (the cut a full sync uses). At the cut, on the replication loop, the writer switches to a new
 * incremental file and the manifest lists it; writes go on there. The snapshot becomes the new base (RDB preamble),
 * written off the client path by the persistence thread; then the manifest is replaced atomically (temporary file,
 * fsync, rename) by base + the incremental files from the cut on, and the old files are deleted. Clients are held
 * only while each partition serializes itself in memory at the cut (the same pause as a full sync; logged as
 * "longest partition pause"); no fork, no rewrite buffer. A crash at any point leaves a manifest naming a complete
 * set.
 *
 * <h2>Damaged files</h2>
 * {@link io.slotgate.node.persistence.aof.AofLoader} reports a file it cannot read to its end with its path and
 * offset and where the last complete command (outside MULTI) ends. Only the last file may be cut short; with
 * {@code aof-load-truncated yes} its valid prefix loads and the file is truncated there (as Redis), otherwise the
 * node refuses to start ({@code slotgate node} exits 1 with that message).
 */
package io.slotgate.node.persistence.aof;

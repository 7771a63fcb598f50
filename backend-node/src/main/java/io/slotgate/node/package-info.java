/**
 * The Slotgate backend node: a Redis-7.0-compatible server that is one node of a Redis Cluster.
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@code io.slotgate.node}: {@link io.slotgate.node.Node#start} wires everything; {@link
 *   io.slotgate.node.NodeOptions} (record with DEFAULT_* constants, redis.conf key names) comes from HOCON
 *   {@code conf/node.conf} plus {@code --name value} flags ({@link io.slotgate.node.NodeOptionsParser}).</li>
 *   <li>{@code io.slotgate.node.server}: the Netty listener (epoll when available, else NIO), one
 *   {@code ClientSession} per connection with its ordered reply queue, limits (maxclients, query buffer via the
 *   decoder's bulk limit, client-output-buffer-limit), and {@code StandaloneCluster}, the
 *   {@code ClusterService} of a node started with {@code cluster-enabled no} (cluster mode uses the engine,
 *   {@code io.slotgate.node.cluster.ClusterManager}).</li>
 *   <li>{@code io.slotgate.node.command}: the {@code Dispatcher} (lookup, arity from routing's Redis 7.0
 *   CommandTable, auth, MULTI queueing, the slot gate) and one subpackage per command family
 *   ({@code connection}, {@code server}, {@code strings}, {@code keys}, {@code hashes}, {@code lists},
 *   {@code sets}, {@code zsets}, {@code tx}, {@code pubsub}).</li>
 *   <li>{@code io.slotgate.node.store}: the keyspace and value types; {@code io.slotgate.node.pubsub}: the
 *   per-loop subscription hubs; {@code io.slotgate.node.cluster}: the contract with the cluster engine.</li>
 * </ul>
 *
 * <h2>Threading: one owner per piece of state</h2>
 * The keyspace is split into P partitions (option {@code io-threads}, default 1: on 2 cores the hand-offs cost more
 * than a second loop gains); slot s lives in partition s % P, and
 * partition i is owned by event loop i, which also serves a share of the client connections. Nothing in a
 * partition is locked: a command whose keys hash to one slot (otherwise CROSSSLOT) runs on that partition's loop,
 * inline when the client lives there, else handed over with {@code execute}. Every request takes its place in the
 * client's reply queue when dispatched, so pipelined replies leave in order wherever they were computed. Because
 * each loop's task queue is FIFO, a client's own commands to one partition also run in the order sent.
 * Keyless fan-out commands (DBSIZE, KEYS, SCAN, FLUSHALL, RANDOMKEY, INFO) visit every partition on its own loop
 * and answer on the client's loop. MULTI/EXEC runs the whole queue as one task on the partition of its (single)
 * slot, so it is atomic. Blocking commands park on their partition; the client's later requests wait until the
 * blocked one is answered, as in Redis. Pub/Sub subscriptions live in per-loop hubs; PUBLISH visits each hub.
 *
 * <h2>The cluster gate</h2>
 * Before a keyed command runs, the dispatcher computes the slot of its keys (CommandSpec key positions,
 * cluster-protocol.md §2.1), answers CROSSSLOT if they differ, then asks
 * {@code ClusterService.view().redirect(slot, write, readonly, asking)}; a non-null answer (MOVED, ASK,
 * CLUSTERDOWN...) is the reply. While a slot is migrating or importing, whether the keys exist decides between
 * running the command, ASK and TRYAGAIN (§2.1 steps 9-10): {@code command.OpenSlotCheck} looks them up on the
 * partition's loop just before the handler runs, and takes the whole decision again if the cluster view changed
 * since the gate (a SETSLOT NODE in between). CLUSTER subcommands go to {@code ClusterService.execute}, except KEYSLOT,
 * COUNTKEYSINSLOT and GETKEYSINSLOT, answered from the keyspace ({@code KeyspaceAccess} is the engine's view of
 * it).
 *
 * <h2>Migration</h2>
 * DUMP / RESTORE / RESTORE-ASKING ({@code command.migration}, on {@code persistence.rdb}) use Redis's payload
 * format, so payloads move both ways between this node and redis-server. MIGRATE talks to the target with a blocking
 * socket on the partition's loop: like Redis it blocks while it runs, but only that partition waits, which keeps
 * the keys unchanged between DUMP and the local delete. With {@code KEYS} it is routed by those keys, and it runs
 * locally on a migrating or importing slot (§2.1 step 8), which is what {@code redis-cli --cluster reshard}
 * needs; SETSLOT (cluster engine) opens and closes the slots.
 *
 * <h2>Memory</h2>
 * Keys live in an open-addressing table per partition (keys as byte[], string values as byte[], three array
 * cells per entry); TTLs are in a second table so keys without one pay nothing. Expired keys are removed on
 * access and by an active cycle (hz times a second, 20 sampled keys, repeated while more than a quarter expired).
 * Measured: about 111 bytes per key for 1M keys of 16-byte keys and 32-byte values (heap after full GC, ParallelGC)
 * against Redis 7.0's 136. Sorted sets keep a member-to-score HashMap plus a span skiplist (O(log n) ranks).
 */
package io.slotgate.node;

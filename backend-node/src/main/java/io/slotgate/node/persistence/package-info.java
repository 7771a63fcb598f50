/**
 * A node's persistence (issue 7 item 4): {@link io.slotgate.node.persistence.PersistenceManager} wires start-up
 * loading, the append-only file ({@code aof}), snapshots ({@code snapshot}) and the commands SAVE, BGSAVE,
 * BGREWRITEAOF, LASTSAVE, INFO persistence and the persistence keys of CONFIG GET/SET; the RDB format itself is
 * {@code rdb}.
 *
 * <h2>Start-up</h2>
 * The client port is bound first; until the data set is loaded every command without Redis 7.0's "loading" flag
 * gets {@code -LOADING Redis is loading the dataset in memory} (INFO, CONFIG, AUTH... still answer). With
 * {@code appendonly yes} and an AOF manifest the AOF is loaded; otherwise {@code dbfilename} (dump.rdb) if present,
 * which is how a standalone Redis 7.0 becomes a cluster node (also with appendonly yes: its first AOF base is then
 * written from the loaded data before anyone writes). The data loads before the cluster engine starts, so no
 * master link or failover acts on a half-loaded node. Then, as Redis (cluster.c verifyClusterConfigWithData), a
 * master holding keys of slots it does not own claims the unassigned ones and sets those of other nodes IMPORTING,
 * with a log line per slot range and its key count: nothing is dropped or adopted silently.
 */
package io.slotgate.node.persistence;

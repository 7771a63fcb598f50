/**
 * The failover engine: what happens when a master stops answering, and how a replica takes its place. All of it
 * runs on the single cluster event loop and acts on the node table through
 * {@link io.slotgate.node.cluster.failover.FailoverHost} (implemented by the cluster engine).
 *
 * <ul>
 *   <li>{@link io.slotgate.node.cluster.failover.FailureDetector}: PFAIL, failure reports, PFAIL → FAIL, the FAIL
 *       broadcast and clearing (cluster-engine.md §6).</li>
 *   <li>{@link io.slotgate.node.cluster.failover.Failover}: replica elections, promotion and both sides of
 *       CLUSTER FAILOVER (§8); its {@link io.slotgate.node.cluster.failover.FailoverState} is logged per
 *       transition and shown as {@code cluster_failover_state:} in INFO's cluster section (not in CLUSTER
 *       INFO).</li>
 *   <li>{@link io.slotgate.node.cluster.failover.Voter}: the master side of an election (§8.3).</li>
 *   <li>{@link io.slotgate.node.cluster.failover.ReplicaMigration}: cluster-migration-barrier (§11).</li>
 * </ul>
 *
 * A paused master (manual failover) holds its clients' writes in replication's {@code WritePause}; the held
 * writes run again only after the engine has published the configuration that ended the pause.
 */
package io.slotgate.node.cluster.failover;

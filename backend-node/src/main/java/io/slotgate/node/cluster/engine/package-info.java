/**
 * The cluster engine's mutable core, owned by the single cluster event loop (see
 * {@link io.slotgate.node.cluster.ClusterManager}).
 *
 * <ul>
 *   <li>{@link io.slotgate.node.cluster.engine.ClusterEngine}: lifecycle, links, sending, cluster state, the
 *       published {@link io.slotgate.node.cluster.state.ClusterState} snapshot and nodes.conf persistence. After
 *       every event (message, command, cron tick) it re-evaluates the state, republishes the snapshot and saves
 *       the config if anything changed, before a command's reply is released.</li>
 *   <li>{@code NodeTable} / {@code ClusterNode}: known nodes, per-slot owners, epochs, the FORGET ban list.</li>
 *   <li>{@code MessageHandler}: received bus messages, UPDATE sending (cluster-engine.md §4, §5.3, §7.3, §10).</li>
 *   <li>{@code Heartbeat}: the 100 ms cron (§5.1).</li>
 *   <li>{@code CommandExecutor}: CLUSTER subcommands (cluster-protocol.md §4-§9).</li>
 *   <li>The failover engine (failure detection, elections, voting, manual failover, replica migration) lives in
 *       {@link io.slotgate.node.cluster.failover} and reaches this package through
 *       {@link io.slotgate.node.cluster.failover.FailoverHost}, implemented here by {@code ClusterEngine}.</li>
 * </ul>
 *
 * Every role change the engine makes (REPLICATE, failover, demotion after losing all slots, replica migration,
 * RESET) reaches {@link io.slotgate.node.cluster.ReplicationControl} through one place,
 * {@code ClusterEngine.applyReplicationRole}, run after each event.
 *
 * <p>Test-only fault switch: with {@code cluster-test-faults yes} (off by default, the command is refused
 * otherwise), {@code CLUSTER TEST-DROP-LINKS <node-id>... | NONE} makes this node drop all bus traffic to and from
 * those nodes, so a test can partition a node away while every socket stays open.
 *
 * Slot migration: {@code CommandExecutor} runs SETSLOT (cluster-protocol.md §9); the MIGRATING / IMPORTING marks
 * live in {@code NodeTable}, are printed on the myself line, saved in nodes.conf, and published in the snapshot for
 * the slot gate. Gossip never rebinds an importing slot (§10.1); SETSLOT NODE on the importer bumps its epoch.
 *
 * Not here yet: cluster-allow-replica-migration no.
 */
package io.slotgate.node.cluster.engine;

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
 *   <li>{@code MessageHandler}: received PING/PONG/MEET/PUBLISH (cluster-engine.md §4, §5.3, §7.3, §10.1).</li>
 *   <li>{@code Heartbeat}: the 100 ms cron (§5.1).</li>
 *   <li>{@code CommandExecutor}: CLUSTER subcommands (cluster-protocol.md §4-§9).</li>
 * </ul>
 *
 * Not here yet, with the places they plug in: failure detection (PFAIL in {@code Heartbeat}, failure reports in
 * {@code MessageHandler.processGossipEntry}, FAIL clearing on PONG), failover (FAIL / AUTH / MFSTART / UPDATE
 * messages, reserved in {@link io.slotgate.node.cluster.gossip.MessageType}), slot migration (SETSLOT, ASK).
 */
package io.slotgate.node.cluster.engine;

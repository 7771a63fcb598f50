/**
 * The cluster bus: node-to-node links, gossip messages and their wire format.
 *
 * <p>Clients never see the bus (redis-cli, Lettuce and proxies speak only RESP on the client port), so Slotgate
 * nodes use their own compact binary format rather than Redis's. The semantics of the messages follow
 * cluster-engine.md §2-§5; only the bytes differ.
 *
 * <h2>Frame</h2>
 * All integers are big-endian and unsigned unless noted. A frame is:
 * <pre>
 * offset  size  field
 *      0     4  magic "SGcb" (0x53 0x47 0x63 0x62)
 *      4     4  frame length: the whole frame, these 8 bytes included
 *      8     2  version: 1 (frames with another version are ignored, the link stays up)
 *     10     2  type: wire value of {@link io.slotgate.node.cluster.gossip.MessageType}
 *     12    40  sender node id (ASCII [a-z0-9])
 *     52     8  sender currentEpoch
 *     60     8  sender configEpoch (a replica sends its master's)
 *     68     8  replication offset (a master's master_repl_offset, a replica's processed offset)
 *     76     2  sender flags as it sees itself (NodeFlags bits, Redis's values), plus two message flags:
 *               0x8000 PAUSED (master paused for a manual failover) and 0x4000 FORCEACK (AUTH_REQUEST of a
 *               manual failover: vote although the master is not failed)
 *     78    40  sender's master id, or 40 zero bytes if the sender is a master
 *    118     2  announced client port
 *    120     2  announced bus port
 *    122     1  sender's cluster state: 0 ok, 1 fail
 *    123     1  L = length of the announced IP (0..46); 0 = "use the socket's peer address"
 *    124     L  announced IP (ASCII)
 *  124+L  2048  claimed slots: slot j is bit (j % 8), least significant first, of byte j / 8
 *               (a replica sends its master's slots)
 * 2172+L     …  body, up to the frame length
 * </pre>
 * The smallest frame (empty IP, empty body) is {@link io.slotgate.node.cluster.gossip.BusCodec#MIN_FRAME_LENGTH}
 * bytes; the largest accepted is 64 MiB. A stream whose magic or length is wrong cannot be resynchronised: the
 * receiver logs it and closes the link. A frame that is whole but does not parse is logged and ignored.
 *
 * <h2>Bodies</h2>
 * <ul>
 *   <li>PING (0), PONG (1), MEET (2): gossip section: {@code u16 count}, then {@code count} entries of
 *       {@code id[40], u8 ipLen, ip[ipLen], u16 port, u16 busPort, u16 flags, u64 pingSent, u64 pongReceived}
 *       (times in Unix milliseconds, the sender's view of that node).</li>
 *   <li>PUBLISH (4), PUBLISHSHARD (10): {@code u32 channelLen, channel, u32 messageLen, message}.</li>
 *   <li>FAIL (3): {@code id[40]} of the failed node.</li>
 *   <li>FAILOVER_AUTH_REQUEST (5), FAILOVER_AUTH_ACK (6), MFSTART (8): empty; the header says everything (the
 *       request's currentEpoch is the election epoch, its configEpoch and slots are the failed master's).</li>
 *   <li>UPDATE (7): {@code id[40], u64 configEpoch, slots[2048]} (same bitmap layout as the header).</li>
 *   <li>Any other type value: the frame is read whole and ignored with a log line.</li>
 * </ul>
 * A body must be consumed exactly; extra or missing bytes make the frame malformed (ignored).
 *
 * <h2>Link authentication ({@code cluster-bus-secret})</h2>
 * Our own feature, off by default. When a node has {@code cluster-bus-secret} set, every bus link it opens or
 * accepts starts with a mutual challenge before the first frame ({@link io.slotgate.node.cluster.gossip.BusAuthHandler}):
 * <pre>
 * each side sends   4  magic "SGau" (0x53 0x47 0x61 0x75)
 *                  16  random nonce
 * then answers     32  HMAC-SHA256(secret, "slotgate-bus-auth-v1" || the peer's nonce)
 * </pre>
 * Frames flow only after each side has checked the other's answer. A peer that starts with anything else (a
 * node without the secret sends an "SGcb" frame at once), answers wrongly, or stays silent for 10 s loses the
 * link with a log line; a node without the secret in turn closes our link on the unknown "SGau" magic. So a
 * stranger's MEET never reaches the engine and it is never added to the cluster. The frame format itself is
 * unchanged; every node of a cluster must share the same secret (or none).
 */
package io.slotgate.node.cluster.gossip;

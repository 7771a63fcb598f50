package io.slotgate.node.cluster.config;

import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of nodes.conf: CLUSTER NODES lines (handshake nodes excluded) plus the
 * {@code vars currentEpoch N lastVoteEpoch N} line (cluster-engine.md §13.1).
 */
public record NodesConf(List<ClusterNodeInfo> nodes, long currentEpoch, long lastVoteEpoch) {

    public NodesConf {
        nodes = List.copyOf(nodes);
    }

    /** The file text; every line ends with "\n". */
    public String render() {
        StringBuilder sb = new StringBuilder(nodes.size() * 128 + 48);
        for (ClusterNodeInfo n : nodes) {
            if (!NodeFlags.has(n.flags(), NodeFlags.HANDSHAKE)) {
                sb.append(n.toLine()).append('\n');
            }
        }
        sb.append("vars currentEpoch ").append(currentEpoch).append(" lastVoteEpoch ").append(lastVoteEpoch)
                .append('\n');
        return sb.toString();
    }

    /** The node flagged myself. */
    public ClusterNodeInfo myself() {
        for (ClusterNodeInfo n : nodes) {
            if (NodeFlags.has(n.flags(), NodeFlags.MYSELF)) {
                return n;
            }
        }
        throw new IllegalStateException("no myself line");
    }

    /**
     * Parses the file text (cluster-engine.md §13.2): blank lines ignored, exactly one myself line, currentEpoch
     * raised to the largest configEpoch found.
     *
     * @throws IllegalArgumentException if the content is corrupted
     */
    public static NodesConf parse(String text) {
        List<ClusterNodeInfo> nodes = new ArrayList<>();
        long currentEpoch = 0;
        long lastVoteEpoch = 0;
        long maxConfigEpoch = 0;
        int myselfCount = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("vars ")) {
                String[] t = line.split(" ");
                if (t.length % 2 != 1) {
                    throw new IllegalArgumentException("vars line needs name/value pairs: " + line);
                }
                for (int i = 1; i < t.length; i += 2) {
                    try {
                        if (t[i].equals("currentEpoch")) {
                            currentEpoch = Long.parseLong(t[i + 1]);
                        } else if (t[i].equals("lastVoteEpoch")) {
                            lastVoteEpoch = Long.parseLong(t[i + 1]);
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad vars value: " + line, e);
                    }
                }
                continue;
            }
            ClusterNodeInfo n = ClusterNodeInfo.parse(line);
            if (NodeFlags.has(n.flags(), NodeFlags.MYSELF)) {
                myselfCount++;
            }
            nodes.add(n);
            maxConfigEpoch = Math.max(maxConfigEpoch, n.configEpoch());
        }
        if (myselfCount != 1) {
            throw new IllegalArgumentException("nodes.conf needs exactly one myself line, found " + myselfCount);
        }
        return new NodesConf(nodes, Math.max(currentEpoch, maxConfigEpoch), lastVoteEpoch);
    }
}

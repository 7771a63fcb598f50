package io.slotgate.node.cluster.state;

/** An inclusive range of hash slots, as printed in CLUSTER NODES ("N" or "A-B"). */
public record SlotRange(int start, int end) {

    public SlotRange {
        if (start < 0 || end >= SlotSet.SLOTS || start > end) {
            throw new IllegalArgumentException("bad slot range " + start + "-" + end);
        }
    }

    /** Parses "N" or "A-B". @throws IllegalArgumentException if malformed */
    public static SlotRange parse(String token) {
        int dash = token.indexOf('-');
        try {
            if (dash < 0) {
                int s = Integer.parseInt(token);
                return new SlotRange(s, s);
            }
            return new SlotRange(Integer.parseInt(token.substring(0, dash)), Integer.parseInt(token.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad slot range '" + token + "'", e);
        }
    }

    public int size() {
        return end - start + 1;
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}

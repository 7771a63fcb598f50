package io.slotgate.node.cluster.command;

import io.slotgate.node.cluster.state.SlotSet;
import io.slotgate.routing.resp.RespRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code CLUSTER <subcommand> ...} into a {@link ClusterCommand}, with Redis 7.0's arity rules and error
 * texts (cluster-protocol.md §3, §8, §9).
 */
public final class ClusterCommandParser {

    private ClusterCommandParser() {
    }

    public static ClusterCommand parse(RespRequest req) throws ClusterCommandException {
        int argc = req.argCount();
        if (argc < 2) {
            throw ClusterCommandException.err("wrong number of arguments for 'cluster' command");
        }
        String sub = req.argString(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "info":
                arity(argc, 2, sub);
                return new ClusterCommand.Info();
            case "nodes":
                arity(argc, 2, sub);
                return new ClusterCommand.Nodes();
            case "slots":
                arity(argc, 2, sub);
                return new ClusterCommand.Slots();
            case "shards":
                arity(argc, 2, sub);
                return new ClusterCommand.Shards();
            case "myid":
                arity(argc, 2, sub);
                return new ClusterCommand.MyId();
            case "links":
                arity(argc, 2, sub);
                return new ClusterCommand.Links();
            case "help":
                arity(argc, 2, sub);
                return new ClusterCommand.Help();
            case "flushslots":
                arity(argc, 2, sub);
                return new ClusterCommand.FlushSlots();
            case "saveconfig":
                arity(argc, 2, sub);
                return new ClusterCommand.SaveConfig();
            case "bumpepoch":
                arity(argc, 2, sub);
                return new ClusterCommand.BumpEpoch();
            case "keyslot":
                arity(argc, 3, sub);
                return new ClusterCommand.KeySlot(req.argSlot(2));
            case "forget":
                arity(argc, 3, sub);
                return new ClusterCommand.Forget(req.argString(2));
            case "replicate":
                arity(argc, 3, sub);
                return new ClusterCommand.Replicate(req.argString(2));
            case "replicas":
            case "slaves":
                arity(argc, 3, sub);
                return new ClusterCommand.Replicas(req.argString(2));
            case "count-failure-reports":
                arity(argc, 3, sub);
                return new ClusterCommand.CountFailureReports(req.argString(2));
            case "set-config-epoch":
                arity(argc, 3, sub);
                return setConfigEpoch(req);
            case "countkeysinslot":
                arity(argc, 3, sub);
                return countKeys(req);
            case "getkeysinslot":
                arity(argc, 4, sub);
                return getKeys(req);
            case "addslots":
            case "delslots":
                minArity(argc, 3, sub);
                return slots(req, sub.equals("delslots"));
            case "addslotsrange":
            case "delslotsrange":
                minArity(argc, 4, sub);
                return slotRanges(req, sub);
            case "meet":
                minArity(argc, 4, sub);
                if (argc > 5) {
                    throw unknown(req);
                }
                return meet(req);
            case "reset":
                minArity(argc, 2, sub);
                return reset(req);
            case "failover":
                return failover(req);
            case "setslot":
                minArity(argc, 4, sub);
                return setSlot(req);
            case "test-drop-links":
                minArity(argc, 3, sub);
                return testDropLinks(req);
            default:
                throw unknown(req);
        }
    }

    private static ClusterCommandException unknown(RespRequest req) {
        return ClusterCommandException.err("unknown subcommand '" + req.argString(1) + "'. Try CLUSTER HELP.");
    }

    private static void arity(int argc, int expected, String sub) throws ClusterCommandException {
        if (argc != expected) {
            throw wrongArgs(sub);
        }
    }

    private static void minArity(int argc, int min, String sub) throws ClusterCommandException {
        if (argc < min) {
            throw wrongArgs(sub);
        }
    }

    private static ClusterCommandException wrongArgs(String sub) {
        return ClusterCommandException.err("wrong number of arguments for 'cluster|" + sub + "' command");
    }

    /** Redis's getSlotOrReply: an integer in 0..16383. */
    static int slot(RespRequest req, int i) throws ClusterCommandException {
        long v;
        try {
            v = req.argLong(i);
        } catch (NumberFormatException e) {
            throw ClusterCommandException.err("Invalid or out of range slot");
        }
        if (v < 0 || v >= SlotSet.SLOTS) {
            throw ClusterCommandException.err("Invalid or out of range slot");
        }
        return (int) v;
    }

    private static ClusterCommand slots(RespRequest req, boolean delete) throws ClusterCommandException {
        int n = req.argCount() - 2;
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = slot(req, i + 2);
        }
        return new ClusterCommand.SlotAssignment(delete, slots, slots);
    }

    private static ClusterCommand slotRanges(RespRequest req, String sub) throws ClusterCommandException {
        if (req.argCount() % 2 != 0) {
            throw wrongArgs(sub);
        }
        int n = (req.argCount() - 2) / 2;
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = slot(req, 2 + 2 * i);
            ends[i] = slot(req, 3 + 2 * i);
            if (starts[i] > ends[i]) {
                throw ClusterCommandException.err("start slot number " + starts[i]
                        + " is greater than end slot number " + ends[i]);
            }
        }
        return new ClusterCommand.SlotAssignment(sub.startsWith("del"), starts, ends);
    }

    private static ClusterCommand meet(RespRequest req) throws ClusterCommandException {
        String ip = req.argString(2);
        long port;
        long busPort;
        try {
            port = req.argLong(3);
        } catch (NumberFormatException e) {
            throw ClusterCommandException.err("Invalid TCP base port specified: " + req.argString(3));
        }
        if (req.argCount() == 5) {
            try {
                busPort = req.argLong(4);
            } catch (NumberFormatException e) {
                throw ClusterCommandException.err("Invalid TCP bus port specified: " + req.argString(4));
            }
        } else {
            busPort = port + 10000;
        }
        String normalized = literalIp(ip);
        if (normalized == null || port <= 0 || port > 65535 || busPort <= 0 || busPort > 65535) {
            throw ClusterCommandException.err("Invalid node address specified: " + ip + ":" + req.argString(3));
        }
        return new ClusterCommand.Meet(normalized, (int) port, (int) busPort);
    }

    /** The address if {@code ip} is an IPv4/IPv6 literal (no DNS, as Redis's inet_pton check), else null. */
    static String literalIp(String ip) {
        if (ip.indexOf(':') >= 0) {
            if (!ip.matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
            try {
                InetAddress.getByName(ip); // a string with ':' is parsed as an IPv6 literal, never resolved
                return ip;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        for (String p : parts) {
            // inet_pton's rules: 1-3 digits, at most 255, no leading zero.
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return null;
            }
        }
        return ip;
    }

    private static ClusterCommand reset(RespRequest req) throws ClusterCommandException {
        if (req.argCount() == 2) {
            return new ClusterCommand.Reset(false);
        }
        if (req.argCount() == 3) {
            if (req.argEqualsIgnoreCase(2, "hard")) {
                return new ClusterCommand.Reset(true);
            }
            if (req.argEqualsIgnoreCase(2, "soft")) {
                return new ClusterCommand.Reset(false);
            }
        }
        throw ClusterCommandException.err("syntax error");
    }

    private static ClusterCommand failover(RespRequest req) throws ClusterCommandException {
        if (req.argCount() == 2) {
            return new ClusterCommand.Failover(ClusterCommand.Failover.Mode.DEFAULT);
        }
        if (req.argCount() == 3) {
            if (req.argEqualsIgnoreCase(2, "force")) {
                return new ClusterCommand.Failover(ClusterCommand.Failover.Mode.FORCE);
            }
            if (req.argEqualsIgnoreCase(2, "takeover")) {
                return new ClusterCommand.Failover(ClusterCommand.Failover.Mode.TAKEOVER);
            }
            throw ClusterCommandException.err("syntax error");
        }
        throw ClusterCommandException.err("unknown subcommand or wrong number of arguments for 'failover'. Try"
                + " CLUSTER HELP.");
    }

    private static ClusterCommand testDropLinks(RespRequest req) {
        if (req.argCount() == 3 && req.argEqualsIgnoreCase(2, "none")) {
            return new ClusterCommand.TestDropLinks(List.of());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 2; i < req.argCount(); i++) {
            ids.add(req.argString(i));
        }
        return new ClusterCommand.TestDropLinks(ids);
    }

    /** SETSLOT slot IMPORTING|MIGRATING|NODE id | STABLE (cluster-protocol.md §9). */
    private static ClusterCommand setSlot(RespRequest req) throws ClusterCommandException {
        int slot = slot(req, 2);
        String action = req.argString(3).toLowerCase(Locale.ROOT);
        int argc = req.argCount();
        ClusterCommand.SetSlot.Action a = switch (action) {
            case "migrating" -> argc == 5 ? ClusterCommand.SetSlot.Action.MIGRATING : null;
            case "importing" -> argc == 5 ? ClusterCommand.SetSlot.Action.IMPORTING : null;
            case "node" -> argc == 5 ? ClusterCommand.SetSlot.Action.NODE : null;
            case "stable" -> argc == 4 ? ClusterCommand.SetSlot.Action.STABLE : null;
            default -> null;
        };
        if (a == null) {
            throw ClusterCommandException.err("Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP");
        }
        return new ClusterCommand.SetSlot(slot, a, argc == 5 ? req.argString(4) : null);
    }

    private static ClusterCommand setConfigEpoch(RespRequest req) throws ClusterCommandException {
        long epoch = integer(req, 2);
        if (epoch < 0) {
            throw ClusterCommandException.err("Invalid config epoch specified: " + epoch);
        }
        return new ClusterCommand.SetConfigEpoch(epoch);
    }

    private static ClusterCommand countKeys(RespRequest req) throws ClusterCommandException {
        long slot = integer(req, 2);
        if (slot < 0 || slot >= SlotSet.SLOTS) {
            throw ClusterCommandException.err("Invalid slot");
        }
        return new ClusterCommand.CountKeysInSlot((int) slot);
    }

    private static ClusterCommand getKeys(RespRequest req) throws ClusterCommandException {
        long slot = integer(req, 2);
        long count = integer(req, 3);
        if (slot < 0 || slot >= SlotSet.SLOTS || count < 0) {
            throw ClusterCommandException.err("Invalid slot or number of keys");
        }
        return new ClusterCommand.GetKeysInSlot((int) slot, (int) Math.min(count, Integer.MAX_VALUE));
    }

    private static long integer(RespRequest req, int i) throws ClusterCommandException {
        try {
            return req.argLong(i);
        } catch (NumberFormatException e) {
            throw ClusterCommandException.err("value is not an integer or out of range");
        }
    }
}

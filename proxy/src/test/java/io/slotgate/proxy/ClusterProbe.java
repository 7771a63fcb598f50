package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RespConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads facts straight from cluster nodes (not through the proxy), for assertions. */
final class ClusterProbe {

    private ClusterProbe() {
    }

    /** [master, replica...] addresses of the shard serving {@code key}, asked of the node at {@code port}. */
    static List<String> shardOf(int port, String key) {
        try (RespConnection c = RespConnection.open(port)) {
            long slot = (Long) c.call("CLUSTER", "KEYSLOT", key);
            for (Object rangeObj : (List<?>) c.call("CLUSTER", "SLOTS")) {
                List<?> range = (List<?>) rangeObj;
                if ((Long) range.get(0) <= slot && slot <= (Long) range.get(1)) {
                    List<String> nodes = new ArrayList<>();
                    for (int i = 2; i < range.size(); i++) {
                        List<?> node = (List<?>) range.get(i);
                        nodes.add(RespConnection.text(node.get(0)) + ":" + node.get(1));
                    }
                    return nodes;
                }
            }
        }
        throw new IllegalStateException("no owner for " + key);
    }

    /** How many times the node ran {@code command} since its stats were last reset (INFO commandstats). */
    static long calls(int port, String command) {
        try (RespConnection c = RespConnection.open(port)) {
            String stats = RespConnection.text(c.call("INFO", "commandstats"));
            Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    static void resetStats(List<Integer> ports) {
        for (int port : ports) {
            try (RespConnection c = RespConnection.open(port)) {
                c.call("CONFIG", "RESETSTAT");
            }
        }
    }

    static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** A key whose slot is served by the shard of master {@code masterAddress}. */
    static String keyServedBy(int anyPort, String masterAddress, String prefix) {
        for (int i = 0; i < 100_000; i++) {
            String key = prefix + i;
            if (shardOf(anyPort, key).get(0).equals(masterAddress)) {
                return key;
            }
        }
        throw new IllegalStateException("no key found for " + masterAddress);
    }
}

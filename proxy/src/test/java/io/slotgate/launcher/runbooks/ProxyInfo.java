package io.slotgate.launcher.runbooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code redis-cli -p <proxy> INFO} printed, parsed: the {@code Servers} section (one line per backend with
 * its role, slots and failed state) and every {@code field:value} line of the other sections.
 */
record ProxyInfo(Map<String, Server> servers, Map<String, String> fields) {

    /** One line of the Servers section. */
    record Server(String address, String role, int slots, boolean failed, String line) {

        /** The line cut to the fields a runbook looks at (address, role, slots, failed). */
        String brief() {
            return "server:" + address + ",role=" + role + ",slots=" + slots + ",...,failed=" + (failed ? 1 : 0);
        }
    }

    static ProxyInfo parse(String text) {
        Map<String, Server> servers = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("server:")) {
                Server s = parseServer(line);
                servers.put(s.address(), s);
            } else if (!line.startsWith("#") && line.indexOf(':') > 0) {
                fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
        }
        return new ProxyInfo(servers, fields);
    }

    /** A numeric field of the Stats section, e.g. {@code moved_followed}. */
    long stat(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("INFO has no field " + name + ": " + fields);
        }
        return Long.parseLong(value);
    }

    /** The backend at {@code address}, or null when INFO does not list it. */
    Server server(String address) {
        return servers.get(address);
    }

    List<Server> withRole(String role) {
        return servers.values().stream().filter(s -> s.role().equals(role)).toList();
    }

    /** Short excerpt for the README: the brief server lines and the named Stats fields. */
    String excerpt(String... statNames) {
        List<String> lines = new ArrayList<>();
        lines.add("# Servers");
        servers.values().forEach(s -> lines.add(s.brief()));
        if (statNames.length > 0) {
            lines.add("# Stats");
            for (String name : statNames) {
                lines.add(name + ":" + fields.get(name));
            }
        }
        return String.join("\n", lines);
    }

    private static Server parseServer(String line) {
        String[] parts = line.substring("server:".length()).split(",");
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new Server(parts[0], kv.get("role"), Integer.parseInt(kv.get("slots")), "1".equals(kv.get("failed")),
                line);
    }
}

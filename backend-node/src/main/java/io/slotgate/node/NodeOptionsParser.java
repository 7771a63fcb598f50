package io.slotgate.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns redis-server-style flags ({@code --port 7000 --cluster-enabled yes --conf conf/node.conf}) into
 * {@link NodeOptions}. Precedence: flags, then the HOCON file named by {@code --conf}, then the DEFAULT_*
 * constants. Any {@code --name value} pair is accepted (unknown names end up in {@link NodeOptions#extras()}).
 */
public final class NodeOptionsParser {

    private NodeOptionsParser() {
    }

    public static NodeOptions parse(List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        String confFile = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected --name value, got '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("missing value for --" + name);
                }
                value = args.get(++i);
            }
            if (name.equals("conf")) {
                confFile = value;
            } else {
                flags.put(name, value);
            }
        }
        Config fromFlags = ConfigFactory.parseMap(quoteKeys(flags));
        Config fromFile = ConfigFactory.empty();
        if (confFile != null) {
            Path p = Path.of(confFile);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("config file not found: " + confFile);
            }
            fromFile = ConfigFactory.parseFile(p.toFile());
        }
        return NodeOptions.fromConfig(fromFlags.withFallback(fromFile).resolve());
    }

    public static NodeOptions parse(String... args) {
        return parse(List.of(args));
    }

    /** Keys with dots or dashes must stay single path elements. */
    private static Map<String, String> quoteKeys(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put("\"" + k + "\"", v));
        return out;
    }
}

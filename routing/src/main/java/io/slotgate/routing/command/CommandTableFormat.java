package io.slotgate.routing.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the line format written by routing/tools/GenerateCommandTable.java (documented at the top of the
 * resource): {@code name arity flags acl first last step key-spec*}, subcommands as "parent|sub" lines.
 */
final class CommandTableFormat {

    private CommandTableFormat() {
    }

    /** Top-level commands by lower-case name, subcommands attached to their parents. */
    static Map<String, CommandSpec> read(InputStream in) throws IOException {
        Map<String, TableCommandSpec> top = new LinkedHashMap<>();
        Map<String, Map<String, CommandSpec>> subs = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                TableCommandSpec spec;
                try {
                    spec = parseLine(line.trim());
                } catch (RuntimeException e) {
                    throw new IOException("command table line " + lineNo + ": " + e.getMessage(), e);
                }
                int bar = spec.name().indexOf('|');
                if (bar < 0) {
                    top.put(spec.name(), spec);
                } else {
                    subs.computeIfAbsent(spec.name().substring(0, bar), k -> new LinkedHashMap<>())
                            .put(spec.name().substring(bar + 1), spec);
                }
            }
        }
        subs.forEach((parent, children) -> {
            TableCommandSpec p = top.get(parent);
            if (p == null) {
                throw new IllegalStateException("subcommands of unknown command " + parent);
            }
            p.attachSubcommands(children);
        });
        return new LinkedHashMap<>(top);
    }

    static TableCommandSpec parseLine(String line) {
        String[] f = line.split(" ");
        if (f.length < 7) {
            throw new IllegalArgumentException("expected at least 7 fields: " + line);
        }
        Set<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        for (String flag : list(f[2])) {
            CommandFlag cf = CommandFlag.fromRedisName(flag);
            if (cf != null) {
                flags.add(cf);
            }
        }
        List<KeySpec> specs = new ArrayList<>();
        for (int i = 7; i < f.length; i++) {
            specs.add(parseKeySpec(f[i]));
        }
        return new TableCommandSpec(f[0].toLowerCase(Locale.ROOT), Integer.parseInt(f[1]), flags,
                new LinkedHashSet<>(list(f[3])), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                Integer.parseInt(f[6]), specs);
    }

    /** {@code flags;begin-search;find-keys}, e.g. {@code RO,access;keyword=STREAMS,1;range=-1,1,2}. */
    static KeySpec parseKeySpec(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("bad key spec " + text);
        }
        return new KeySpec(new LinkedHashSet<>(list(parts[0])), beginSearch(parts[1]), findKeys(parts[2]));
    }

    private static KeySpec.BeginSearch beginSearch(String s) {
        if (s.startsWith("index=")) {
            return KeySpec.BeginSearch.index(Integer.parseInt(s.substring(6)));
        }
        if (s.startsWith("keyword=")) {
            String[] kw = s.substring(8).split(",");
            return KeySpec.BeginSearch.keyword(kw[0], Integer.parseInt(kw[1]));
        }
        return KeySpec.BeginSearch.UNKNOWN;
    }

    private static KeySpec.FindKeys findKeys(String s) {
        if (s.startsWith("range=")) {
            int[] v = ints(s.substring(6));
            return KeySpec.FindKeys.range(v[0], v[1], v[2]);
        }
        if (s.startsWith("keynum=")) {
            int[] v = ints(s.substring(7));
            return KeySpec.FindKeys.keynum(v[0], v[1], v[2]);
        }
        return KeySpec.FindKeys.UNKNOWN;
    }

    private static int[] ints(String csv) {
        String[] parts = csv.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected 3 numbers: " + csv);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private static List<String> list(String field) {
        return field.equals("-") ? List.of() : List.of(field.split(","));
    }
}

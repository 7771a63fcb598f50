package io.slotgate.node.persistence;

import io.slotgate.node.MemoryUnits;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.persistence.aof.FsyncPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Persistence settings, with redis.conf's names and Redis's defaults except {@code appendonly} (no, as Redis)
 * and {@code save} (empty: no automatic snapshots; a cluster node relies on its AOF and its replicas).
 *
 * @param saveRules      "seconds changes" pairs of {@code save}; empty = no automatic BGSAVE
 * @param keyLoadDelayMicros Redis's debugging {@code key-load-delay}: a pause per loaded key (tests of LOADING)
 */
public record PersistenceOptions(
        Path dir,
        boolean appendonly,
        FsyncPolicy appendfsync,
        String appendfilename,
        String appenddirname,
        boolean aofLoadTruncated,
        int autoAofRewritePercentage,
        long autoAofRewriteMinSize,
        String dbfilename,
        List<SaveRule> saveRules,
        long keyLoadDelayMicros) {

    public static final boolean DEFAULT_APPENDONLY = false;
    public static final FsyncPolicy DEFAULT_APPENDFSYNC = FsyncPolicy.EVERYSEC;
    public static final String DEFAULT_APPENDFILENAME = "appendonly.aof";
    public static final String DEFAULT_APPENDDIRNAME = "appendonlydir";
    public static final boolean DEFAULT_AOF_LOAD_TRUNCATED = true;
    public static final int DEFAULT_AUTO_AOF_REWRITE_PERCENTAGE = 100;
    public static final long DEFAULT_AUTO_AOF_REWRITE_MIN_SIZE = 64L * 1024 * 1024;
    public static final String DEFAULT_DBFILENAME = "dump.rdb";
    public static final String DEFAULT_SAVE = "";

    /** {@code save <seconds> <changes>}: BGSAVE when at least {@code changes} writes are older than the last save by {@code seconds}. */
    public record SaveRule(long seconds, long changes) {
    }

    public PersistenceOptions {
        saveRules = List.copyOf(saveRules);
        if (appendfilename.contains("/") || appenddirname.contains("/") || dbfilename.contains("/")) {
            throw new IllegalArgumentException("appendfilename, appenddirname and dbfilename must be plain file names");
        }
    }

    /** The keys read from {@link NodeOptions#extras()}. */
    public static PersistenceOptions from(NodeOptions o) {
        Map<String, String> x = o.extras();
        return new PersistenceOptions(o.dir(),
                yesNo("appendonly", x.get("appendonly"), DEFAULT_APPENDONLY),
                x.containsKey("appendfsync") ? FsyncPolicy.parse(x.get("appendfsync")) : DEFAULT_APPENDFSYNC,
                x.getOrDefault("appendfilename", DEFAULT_APPENDFILENAME),
                x.getOrDefault("appenddirname", DEFAULT_APPENDDIRNAME),
                yesNo("aof-load-truncated", x.get("aof-load-truncated"), DEFAULT_AOF_LOAD_TRUNCATED),
                x.containsKey("auto-aof-rewrite-percentage")
                        ? Integer.parseInt(x.get("auto-aof-rewrite-percentage").trim())
                        : DEFAULT_AUTO_AOF_REWRITE_PERCENTAGE,
                x.containsKey("auto-aof-rewrite-min-size") ? MemoryUnits.parse(x.get("auto-aof-rewrite-min-size"))
                        : DEFAULT_AUTO_AOF_REWRITE_MIN_SIZE,
                x.getOrDefault("dbfilename", DEFAULT_DBFILENAME),
                parseSave(x.getOrDefault("save", DEFAULT_SAVE)),
                Long.parseLong(x.getOrDefault("key-load-delay", "0").trim()));
    }

    /** Redis's "yes"/"no" (HOCON may already have turned them into true/false). */
    public static boolean yesNo(String name, String value, boolean def) {
        if (value == null) {
            return def;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be yes or no, not '" + value + "'");
        };
    }

    /** "3600 1 300 100" into rules; "" (or Redis's "\"\"") = none. */
    public static List<SaveRule> parseSave(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("\"\"")) {
            return List.of();
        }
        String[] parts = t.split("\\s+");
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("save needs pairs of <seconds> <changes>");
        }
        List<SaveRule> rules = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            long s = Long.parseLong(parts[i]);
            long c = Long.parseLong(parts[i + 1]);
            if (s < 1 || c < 0) {
                throw new IllegalArgumentException("save needs positive seconds and non-negative changes");
            }
            rules.add(new SaveRule(s, c));
        }
        return rules;
    }

    public String saveText() {
        StringBuilder sb = new StringBuilder();
        for (SaveRule r : saveRules) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(r.seconds()).append(' ').append(r.changes());
        }
        return sb.toString();
    }

    public Path aofDir() {
        return dir.resolve(appenddirname);
    }

    public Path dumpFile() {
        return dir.resolve(dbfilename);
    }

    public PersistenceOptions withAppendonly(boolean on) {
        return new PersistenceOptions(dir, on, appendfsync, appendfilename, appenddirname, aofLoadTruncated,
                autoAofRewritePercentage, autoAofRewriteMinSize, dbfilename, saveRules, keyLoadDelayMicros);
    }

    public PersistenceOptions withAppendfsync(FsyncPolicy p) {
        return new PersistenceOptions(dir, appendonly, p, appendfilename, appenddirname, aofLoadTruncated,
                autoAofRewritePercentage, autoAofRewriteMinSize, dbfilename, saveRules, keyLoadDelayMicros);
    }

    public PersistenceOptions withAofLoadTruncated(boolean v) {
        return new PersistenceOptions(dir, appendonly, appendfsync, appendfilename, appenddirname, v,
                autoAofRewritePercentage, autoAofRewriteMinSize, dbfilename, saveRules, keyLoadDelayMicros);
    }

    public PersistenceOptions withAutoRewrite(int percentage, long minSize) {
        return new PersistenceOptions(dir, appendonly, appendfsync, appendfilename, appenddirname, aofLoadTruncated,
                percentage, minSize, dbfilename, saveRules, keyLoadDelayMicros);
    }

    public PersistenceOptions withDbfilename(String name) {
        return new PersistenceOptions(dir, appendonly, appendfsync, appendfilename, appenddirname, aofLoadTruncated,
                autoAofRewritePercentage, autoAofRewriteMinSize, name, saveRules, keyLoadDelayMicros);
    }

    public PersistenceOptions withSaveRules(List<SaveRule> rules) {
        return new PersistenceOptions(dir, appendonly, appendfsync, appendfilename, appenddirname, aofLoadTruncated,
                autoAofRewritePercentage, autoAofRewriteMinSize, dbfilename, rules, keyLoadDelayMicros);
    }
}

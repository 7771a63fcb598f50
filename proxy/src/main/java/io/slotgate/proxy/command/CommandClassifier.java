package io.slotgate.proxy.command;

import io.slotgate.proxy.multikey.MultiKeyCommand;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.command.CommandFlag;
import io.slotgate.routing.command.CommandSpec;

import java.util.Set;

/**
 * Decides how each command is handled. Key-less commands are refused unless the proxy answers them or they mean
 * the same on any node, since running them on one node would silently act on a fraction of the data. Commands
 * that tie a connection to one client (subscriptions, transactions, MONITOR) are refused because backend
 * connections are shared by all clients of an event loop; blocking commands get a connection of their own.
 */
final class CommandClassifier {

    static final Set<String> LOCAL = Set.of("ping", "echo", "quit", "select", "auth", "hello", "client|setname",
            "client|getname", "client|id", "client|setinfo", "dbsize", "info", "readonly", "readwrite", "multi",
            "exec", "discard", "unwatch", "script|load", "script|exists", "script|flush");
    private static final Set<String> ANY_MASTER = Set.of("command", "command|count", "command|info",
            "command|docs", "command|getkeys", "command|getkeysandflags", "command|list", "time", "lolwut",
            "publish");
    private static final Set<String> REFUSED = Set.of("watch", "subscribe",
            "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe", "monitor", "keys", "scan",
            "randomkey", "migrate", "move", "swapdb", "wait", "reset", "sync", "psync", "asking", "restore-asking");
    /** Blocking-flagged commands that only block with a BLOCK argument (routed as BLOCKING only then). */
    static final Set<String> BLOCK_OPTION = Set.of("xread", "xreadgroup");

    private final ProxyStats stats;

    CommandClassifier(ProxyStats stats) {
        this.stats = stats;
    }

    CommandRoute classify(CommandSpec spec) {
        String name = spec.name();
        String top = topName(name);
        boolean read = spec.has(CommandFlag.READONLY) && !spec.has(CommandFlag.WRITE);
        var latency = stats.latency(name);
        if (LOCAL.contains(name)) {
            return new CommandRoute(CommandRoute.Kind.LOCAL, read, false, null, latency);
        }
        if (ANY_MASTER.contains(name)) {
            return new CommandRoute(CommandRoute.Kind.ANY_MASTER, read, false, null, latency);
        }
        MultiKeyCommand mk = MultiKeyCommand.of(name);
        if (mk != null) {
            return new CommandRoute(CommandRoute.Kind.MULTI_KEY, read, false, mk, latency);
        }
        boolean keyless = spec.firstKey() == 0 && !spec.has(CommandFlag.MOVABLEKEYS);
        if (REFUSED.contains(top) || keyless || (spec.has(CommandFlag.PUBSUB) && !name.equals("spublish"))) {
            return new CommandRoute(CommandRoute.Kind.UNSUPPORTED, read, false, null, latency);
        }
        if (spec.has(CommandFlag.BLOCKING) && !BLOCK_OPTION.contains(name)) {
            return new CommandRoute(CommandRoute.Kind.BLOCKING, false, false, null, latency);
        }
        boolean singleKeyAt1 = spec.firstKey() == 1 && spec.lastKey() == 1 && !spec.has(CommandFlag.MOVABLEKEYS);
        return new CommandRoute(CommandRoute.Kind.KEYED, read, singleKeyAt1, null, latency);
    }

    /** "client|setname" -> "client". */
    static String topName(String name) {
        int bar = name.indexOf('|');
        return bar < 0 ? name : name.substring(0, bar);
    }
}

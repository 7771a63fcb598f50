package io.slotgate.node.acl;

import io.slotgate.node.command.CommandEntry;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.KeySpec;
import io.slotgate.routing.resp.RespRequest;

import java.util.List;

/**
 * The permission check the dispatcher runs before a command (Redis ACLCheckAllPerm with the root selector):
 * the command (or subcommand) bit, then the key patterns against the command's keys, then the channel patterns
 * for PUBLISH/SUBSCRIBE-like commands. A user with every command, key and channel (the usual default user)
 * costs one volatile read and one field test.
 */
public final class AclCheck {

    public static final String NOPERM_KEY = "NOPERM this user has no permissions to access one of the keys used "
            + "as arguments";
    public static final String NOPERM_CHANNEL = "NOPERM this user has no permissions to access one of the "
            + "channels used as arguments";

    private static final List<String> WRITE_FLAGS = List.of("insert", "delete", "update");

    private final AclCommandTable t;

    public AclCheck(AclCommandTable t) {
        this.t = t;
    }

    /** Null when {@code user} may run the request, else Redis's -NOPERM text. */
    public String check(AclUser user, CommandEntry entry, RespRequest request) {
        if (user.unrestricted()) {
            return null;
        }
        Denial d = denial(user, entry, request);
        return d == null ? null : text(d);
    }

    /** Records a refusal in ACL LOG and returns its -NOPERM text (the slow path: only on refusal). */
    public String logRefusal(Denial d, AclUser user, RespRequest request, AclLog log, boolean inMulti,
                             String clientInfo) {
        String object = d.kind() == Denial.Kind.COMMAND ? d.command() : request.argString(d.argIndex());
        log.add(d.kind().name().toLowerCase(java.util.Locale.ROOT), inMulti ? "multi" : "toplevel", object,
                user.name(), clientInfo);
        return text(d);
    }

    private static String text(Denial d) {
        return switch (d.kind()) {
            case COMMAND -> "NOPERM this user has no permissions to run the '" + d.command() + "' command";
            case KEY -> NOPERM_KEY;
            case CHANNEL -> NOPERM_CHANNEL;
        };
    }

    /** Why a request is refused: the kind, the command's full name, and the argument that failed (key/channel). */
    public record Denial(Kind kind, String command, int argIndex) {
        public enum Kind { COMMAND, KEY, CHANNEL }
    }

    /** Null when allowed (Redis ACLCheckAllUserCommandPerm with the root selector), else the first refusal. */
    public Denial denial(AclUser user, CommandEntry entry, RespRequest request) {
        int id = -2;
        if (!user.entryAllowed(entry.id())) {
            id = t.resolve(entry, request);
            if (id < 0 || !(user.commandAllowed(id) || t.isNoAuth(id) || firstArgAllowed(user, id, request))) {
                return new Denial(Denial.Kind.COMMAND, id < 0 ? entry.name() : t.name(id), 0);
            }
        }
        if (!user.allKeys()) {
            int bad = deniedKey(user, entry, request);
            if (bad >= 0) {
                return new Denial(Denial.Kind.KEY, commandName(id, entry, request), bad);
            }
        }
        if (!user.allChannels()) {
            int bad = deniedChannel(user, entry, request);
            if (bad >= 0) {
                return new Denial(Denial.Kind.CHANNEL, commandName(id, entry, request), bad);
            }
        }
        return null;
    }

    private String commandName(int id, CommandEntry entry, RespRequest request) {
        int resolved = id == -2 ? t.resolve(entry, request) : id;
        return resolved < 0 ? entry.name() : t.name(resolved);
    }

    private boolean firstArgAllowed(AclUser user, int id, RespRequest request) {
        List<String> args = user.firstArgs(id);
        if (args == null) {
            return false;
        }
        int idx = t.name(id).indexOf('|') >= 0 ? 2 : 1;
        if (request.argCount() <= idx) {
            return false;
        }
        String given = request.argString(idx);
        return args.stream().anyMatch(a -> a.equalsIgnoreCase(given));
    }

    /** Index of the first key no pattern allows, or -1. */
    private int deniedKey(AclUser user, CommandEntry entry, RespRequest request) {
        int aclId = t.aclId(entry);
        CommandSpec spec = aclId < 0 ? null : t.spec(aclId);
        int[] keys = spec != null ? spec.keyIndexes(request) : entry.keys().keys(request);
        if (keys.length == 0) {
            return -1;
        }
        int need = requiredAccess(spec, entry, request);
        for (int k : keys) {
            if (!user.keyAllowed(request.argBytes(k), need)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * %R/%W access a command needs, from its key specs' flags (access = read; insert/delete/update = write).
     * Redis asks it per key; here the union over the command's specs is asked of every key. SET without GET
     * only writes (its spec says variable_flags; Redis's setGetKeys drops the access flag then).
     */
    private static int requiredAccess(CommandSpec spec, CommandEntry entry, RespRequest request) {
        if (spec == null) {
            return entry.isWrite() ? KeyPattern.ALL : KeyPattern.READ;
        }
        if (entry.name().equals("set") && !hasArg(request, "get")) {
            return KeyPattern.WRITE;
        }
        int need = 0;
        for (KeySpec ks : spec.keySpecs()) {
            var f = ks.flags();
            if (f.contains("access")) {
                need |= KeyPattern.READ;
            }
            for (String w : WRITE_FLAGS) {
                if (f.contains(w)) {
                    need |= KeyPattern.WRITE;
                }
            }
        }
        return need;
    }

    /** Index of the first channel no pattern allows, or -1. */
    private static boolean hasArg(RespRequest request, String word) {
        for (int i = 3; i < request.argCount(); i++) {
            if (request.argString(i).equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private static int deniedChannel(AclUser user, CommandEntry entry, RespRequest request) {
        String n = entry.name();
        int first;
        int last;
        boolean literal = false;
        switch (n) {
            case "publish", "spublish" -> {
                first = 1;
                last = 1;
            }
            case "subscribe", "ssubscribe" -> {
                first = 1;
                last = request.argCount() - 1;
            }
            case "psubscribe" -> {
                first = 1;
                last = request.argCount() - 1;
                literal = true; // a pattern is matched literally against the user's patterns (Redis ACL docs)
            }
            default -> {
                return -1;
            }
        }
        for (int i = first; i <= last && i < request.argCount(); i++) {
            if (!user.channelAllowed(request.argBytes(i), literal)) {
                return i;
            }
        }
        return -1;
    }
}

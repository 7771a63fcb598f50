package io.slotgate.node.acl;

import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.store.Glob;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.KeySpec;
import io.slotgate.routing.resp.RespRequest;

import java.nio.charset.StandardCharsets;
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

    private final AclCommandTable t;

    public AclCheck(AclCommandTable t) {
        this.t = t;
    }

    /** Null when {@code user} may run the request, else Redis's -NOPERM text. */
    public String check(AclUser user, CommandEntry entry, RespRequest request) {
        if (user.unrestricted()) {
            return null;
        }
        if (!user.entryAllowed(entry.id())) {
            int id = t.resolve(entry, request);
            if (id < 0 || !(user.commandAllowed(id) || t.isNoAuth(id) || firstArgAllowed(user, id, request))) {
                String name = id < 0 ? entry.name() : t.name(id);
                return "NOPERM this user has no permissions to run the '" + name + "' command";
            }
        }
        if (!user.allKeys() && !keysAllowed(user, entry, request)) {
            return NOPERM_KEY;
        }
        if (!user.allChannels() && !channelsAllowed(user, entry, request)) {
            return NOPERM_CHANNEL;
        }
        return null;
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

    private boolean keysAllowed(AclUser user, CommandEntry entry, RespRequest request) {
        int aclId = t.aclId(entry);
        CommandSpec spec = aclId < 0 ? null : t.spec(aclId);
        int[] keys = spec != null ? spec.keyIndexes(request) : entry.keys().keys(request);
        if (keys.length == 0) {
            return true;
        }
        int need = requiredAccess(spec, entry);
        List<KeyPattern> patterns = user.keyPatterns();
        for (int k : keys) {
            byte[] key = request.argBytes(k);
            boolean ok = false;
            for (KeyPattern p : patterns) {
                if ((p.flags() & need) == need && Glob.matches(p.bytes(), key)) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * %R/%W access a command needs, from its key specs' flags (access = read; insert/delete/update = write).
     * Redis asks it per key; here the union over the command's specs is asked of every key.
     */
    private static int requiredAccess(CommandSpec spec, CommandEntry entry) {
        if (spec == null) {
            return entry.isWrite() ? KeyPattern.ALL : KeyPattern.READ;
        }
        int need = 0;
        for (KeySpec ks : spec.keySpecs()) {
            var f = ks.flags();
            if (f.contains("access")) {
                need |= KeyPattern.READ;
            }
            for (String w : List.of("insert", "delete", "update")) {
                if (f.contains(w)) {
                    need |= KeyPattern.WRITE;
                }
            }
        }
        return need;
    }

    private static boolean channelsAllowed(AclUser user, CommandEntry entry, RespRequest request) {
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
                return true;
            }
        }
        List<String> allowed = user.channels();
        for (int i = first; i <= last && i < request.argCount(); i++) {
            byte[] ch = request.argBytes(i);
            boolean ok = false;
            for (String p : allowed) {
                byte[] pb = p.getBytes(StandardCharsets.UTF_8);
                if (literal ? java.util.Arrays.equals(pb, ch) : Glob.matches(pb, ch)) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

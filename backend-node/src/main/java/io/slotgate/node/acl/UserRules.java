package io.slotgate.node.acl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editable state of one user while ACL SETUSER applies its rules, with Redis 7.0's meaning of each rule
 * (one root selector; selectors in parentheses are not supported). {@link #freeze} makes the immutable
 * {@link AclUser} connections check against.
 */
final class UserRules {

    static final String NO_SUCH = "Unknown command or category name in ACL";
    static final String SYNTAX = "Syntax error";

    final String name;
    boolean enabled;
    boolean nopass;
    /** null = neither flag given; true = sanitize-payload; false = skip-sanitize-payload. */
    Boolean sanitize;
    final List<String> passwords = new ArrayList<>();
    BitSet allowed = new BitSet();
    /** Redis's SELECTOR_FLAG_ALLCOMMANDS: no bit test needed (cleared by any later removal). */
    boolean allCommands;
    /** Redis's reserved "future commands" bit: set only by +@all, so GETUSER starts from +@all. */
    boolean future;
    final Map<Integer, List<String>> firstArgs = new LinkedHashMap<>();
    boolean allKeys;
    final List<KeyPattern> keys = new ArrayList<>();
    boolean allChannels;
    final List<String> channels = new ArrayList<>();

    UserRules(String name) {
        this.name = name;
    }

    UserRules copy() {
        UserRules c = new UserRules(name);
        c.enabled = enabled;
        c.nopass = nopass;
        c.sanitize = sanitize;
        c.passwords.addAll(passwords);
        c.allowed = (BitSet) allowed.clone();
        c.allCommands = allCommands;
        c.future = future;
        firstArgs.forEach((k, v) -> c.firstArgs.put(k, new ArrayList<>(v)));
        c.allKeys = allKeys;
        c.keys.addAll(keys);
        c.allChannels = allChannels;
        c.channels.addAll(channels);
        return c;
    }

    /** Applies one SETUSER rule (ACL documentation, "ACL rules"); throws with Redis's reason when invalid. */
    void apply(String op, AclCommandTable t) {
        if (op.isEmpty()) {
            return;
        }
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "on" -> enabled = true;
            case "off" -> enabled = false;
            case "sanitize-payload" -> sanitize = true;
            case "skip-sanitize-payload" -> sanitize = false;
            case "nopass" -> {
                nopass = true;
                passwords.clear();
            }
            case "resetpass" -> {
                nopass = false;
                passwords.clear();
            }
            case "reset" -> {
                apply("resetpass", t);
                apply("resetkeys", t);
                apply("resetchannels", t);
                apply("off", t);
                apply("sanitize-payload", t);
                apply("-@all", t);
            }
            case "allkeys", "~*" -> {
                allKeys = true;
                keys.clear();
            }
            case "resetkeys" -> {
                allKeys = false;
                keys.clear();
            }
            case "allchannels", "&*" -> {
                allChannels = true;
                channels.clear();
            }
            case "resetchannels" -> {
                allChannels = false;
                channels.clear();
            }
            case "allcommands", "+@all" -> {
                allowed.set(0, t.size());
                allCommands = true;
                future = true;
                firstArgs.clear();
            }
            case "nocommands", "-@all" -> {
                allowed.clear();
                allCommands = false;
                future = false;
                firstArgs.clear();
            }
            default -> applyPattern(op, t);
        }
    }

    private void applyPattern(String op, AclCommandTable t) {
        char c0 = op.charAt(0);
        if (c0 == '>' || c0 == '#') {
            String h = c0 == '>' ? Passwords.hash(op.substring(1)) : op.substring(1);
            if (c0 == '#' && !Passwords.isValidHash(h)) {
                throw new AclRuleException("The password hash must be exactly 64 characters and contain only "
                        + "lowercase hexadecimal characters");
            }
            if (!passwords.contains(h)) {
                passwords.add(h);
            }
            nopass = false;
        } else if (c0 == '<' || c0 == '!') {
            String h = c0 == '<' ? Passwords.hash(op.substring(1)) : op.substring(1);
            if (c0 == '!' && !Passwords.isValidHash(h)) {
                throw new AclRuleException("The password hash must be exactly 64 characters and contain only "
                        + "lowercase hexadecimal characters");
            }
            if (!passwords.remove(h)) {
                throw new AclRuleException("The password you are trying to remove from the user does not exist");
            }
        } else if (c0 == '~' || c0 == '%') {
            addKeyPattern(op);
        } else if (c0 == '&') {
            if (allChannels) {
                throw new AclRuleException("Adding a pattern after the * pattern (or the 'allchannels' flag) is not "
                        + "valid and does not have any effect. Try 'resetchannels' to start with an empty list of "
                        + "channels");
            }
            String p = op.substring(1);
            if (p.indexOf(' ') >= 0) {
                throw new AclRuleException(SYNTAX);
            }
            if (!channels.contains(p)) {
                channels.add(p);
            }
        } else if (op.length() > 1 && (c0 == '+' || c0 == '-') && op.charAt(1) == '@') {
            BitSet cat = t.category(op.substring(2));
            if (cat == null) {
                throw new AclRuleException(NO_SUCH);
            }
            for (int id = cat.nextSetBit(0); id >= 0; id = cat.nextSetBit(id + 1)) {
                change(id, c0 == '+', t);
            }
        } else if (c0 == '+') {
            allowCommand(op.substring(1), t);
        } else if (c0 == '-') {
            int id = t.id(op.substring(1));
            if (id < 0) {
                throw new AclRuleException(NO_SUCH);
            }
            change(id, false, t);
        } else {
            throw new AclRuleException(SYNTAX);
        }
    }

    private void addKeyPattern(String op) {
        if (allKeys) {
            throw new AclRuleException("Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid "
                    + "and does not have any effect. Try 'resetkeys' to start with an empty list of patterns");
        }
        int flags = 0;
        int offset = 1;
        if (op.charAt(0) == '%') {
            for (; offset < op.length(); offset++) {
                char c = Character.toUpperCase(op.charAt(offset));
                if (c == 'R' && (flags & KeyPattern.READ) == 0) {
                    flags |= KeyPattern.READ;
                } else if (c == 'W' && (flags & KeyPattern.WRITE) == 0) {
                    flags |= KeyPattern.WRITE;
                } else if (op.charAt(offset) == '~') {
                    offset++;
                    break;
                } else {
                    throw new AclRuleException(SYNTAX);
                }
            }
        } else {
            flags = KeyPattern.ALL;
        }
        String p = op.substring(Math.min(offset, op.length()));
        if (p.indexOf(' ') >= 0) {
            throw new AclRuleException(SYNTAX);
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).pattern().equals(p)) {
                keys.set(i, new KeyPattern(p, keys.get(i).flags() | flags));
                return;
            }
        }
        keys.add(new KeyPattern(p, flags));
    }

    private void allowCommand(String name, AclCommandTable t) {
        int bar = name.lastIndexOf('|');
        if (bar < 0) {
            int id = t.id(name);
            if (id < 0) {
                throw new AclRuleException(NO_SUCH);
            }
            change(id, true, t);
            return;
        }
        String parent = name.substring(0, bar);
        String sub = name.substring(bar + 1);
        int pid = t.id(parent);
        if (pid < 0) {
            throw new AclRuleException(NO_SUCH);
        }
        if (parent.indexOf('|') >= 0) {
            throw new AclRuleException("Allowing first-arg of a subcommand is not supported");
        }
        if (sub.isEmpty()) {
            throw new AclRuleException(SYNTAX);
        }
        if (t.isContainer(pid)) {
            int id = t.id(name);
            if (id < 0) {
                throw new AclRuleException(NO_SUCH);
            }
            change(id, true, t);
        } else {
            // "+select|0": a first argument of an otherwise blocked command (deprecated in Redis, still honoured)
            List<String> args = firstArgs.computeIfAbsent(pid, k -> new ArrayList<>());
            if (args.stream().noneMatch(a -> a.equalsIgnoreCase(sub))) {
                args.add(sub);
            }
        }
    }

    /** Sets one command's bit; a container's change reaches all its subcommands (Redis ACLChangeSelectorPerm). */
    void change(int id, boolean allow, AclCommandTable t) {
        set(id, allow);
        firstArgs.remove(id);
        for (int kid : t.children(id)) {
            set(kid, allow);
        }
    }

    private void set(int id, boolean allow) {
        if (allow) {
            allowed.set(id);
        } else {
            allowed.clear(id);
            allCommands = false;
        }
    }

    AclUser freeze(AclCommandTable t) {
        return new AclUser(copy(), t);
    }
}

package io.slotgate.node.acl;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One user's rules, frozen: connections read it from any loop without locks. ACL SETUSER builds a new one and
 * swaps it into the user's {@link AclUserRef}, so authenticated connections see the change at their next command,
 * as in Redis.
 */
public final class AclUser {

    final UserRules rules;
    /** Per registry entry id: the command (every subcommand of a container) is allowed; checked first. */
    private final long[] entryAllowed;
    /** Any command, any key, any channel: the dispatcher skips every check (the default user's usual state). */
    private final boolean unrestricted;

    AclUser(UserRules rules, AclCommandTable t) {
        this.rules = rules;
        this.unrestricted = rules.allCommands && rules.allKeys && rules.allChannels;
        int entries = t.entryCount();
        this.entryAllowed = new long[(entries + 63) / 64];
        for (int e = 0; e < entries; e++) {
            int id = t.aclIdOfEntry(e);
            if (id >= 0 && fullyAllowed(id, t)) {
                entryAllowed[e >>> 6] |= 1L << e;
            }
        }
    }

    private boolean fullyAllowed(int id, AclCommandTable t) {
        if (rules.allCommands || t.isNoAuth(id)) {
            return true;
        }
        if (!rules.allowed.get(id)) {
            return false;
        }
        for (int kid : t.children(id)) {
            if (!rules.allowed.get(kid)) {
                return false;
            }
        }
        return true;
    }

    public String name() {
        return rules.name;
    }

    public boolean enabled() {
        return rules.enabled;
    }

    public boolean nopass() {
        return rules.nopass;
    }

    public boolean unrestricted() {
        return unrestricted;
    }

    /** Whether a registry entry runs without looking at its subcommand (no allocation: a bit test). */
    public boolean entryAllowed(int entryId) {
        int w = entryId >>> 6;
        return entryId >= 0 && w < entryAllowed.length && (entryAllowed[w] & (1L << entryId)) != 0;
    }

    /** Redis's per-id test (ACLSelectorCheckCmd): the bit, or the ALLCOMMANDS flag. */
    public boolean commandAllowed(int id) {
        return rules.allCommands || rules.allowed.get(id);
    }

    /** Allowed first arguments of an otherwise blocked command ("+select|0"), or null. */
    public List<String> firstArgs(int id) {
        return rules.firstArgs.get(id);
    }

    public boolean allKeys() {
        return rules.allKeys;
    }

    public List<KeyPattern> keyPatterns() {
        return List.copyOf(rules.keys);
    }

    public boolean allChannels() {
        return rules.allChannels;
    }

    public List<String> channels() {
        return List.copyOf(rules.channels);
    }

    /** Whether {@code password} opens this user (nopass accepts any); the caller checks {@link #enabled}. */
    public boolean accepts(byte[] password) {
        if (rules.nopass) {
            return true;
        }
        String h = Passwords.hash(password);
        boolean ok = false;
        for (String p : rules.passwords) {
            ok |= Passwords.sameHash(p, h);
        }
        return ok;
    }

    BitSet allowedBits() {
        return rules.allowed;
    }

    Map<Integer, List<String>> firstArgsMap() {
        return rules.firstArgs;
    }
}

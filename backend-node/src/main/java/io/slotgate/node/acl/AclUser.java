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
    /** Key and channel patterns as bytes, prepared once so a restricted user's checks do not allocate. */
    private final byte[][] keyPatterns;
    private final int[] keyFlags;
    private final byte[][] channelPatterns;

    AclUser(UserRules rules, AclCommandTable t) {
        this.rules = rules;
        this.keyPatterns = new byte[rules.keys.size()][];
        this.keyFlags = new int[rules.keys.size()];
        for (int i = 0; i < keyPatterns.length; i++) {
            keyPatterns[i] = rules.keys.get(i).bytes();
            keyFlags[i] = rules.keys.get(i).flags();
        }
        this.channelPatterns = new byte[rules.channels.size()][];
        for (int i = 0; i < channelPatterns.length; i++) {
            channelPatterns[i] = rules.channels.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
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

    /** Whether a key may be used with this access ({@link KeyPattern#READ}/{@link KeyPattern#WRITE} bits). */
    public boolean keyAllowed(byte[] key, int need) {
        if (rules.allKeys) {
            return true;
        }
        for (int i = 0; i < keyPatterns.length; i++) {
            if ((keyFlags[i] & need) == need && io.slotgate.node.store.Glob.matches(keyPatterns[i], key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a channel may be used; a PSUBSCRIBE pattern ({@code literal}) must equal one of the patterns. */
    public boolean channelAllowed(byte[] channel, boolean literal) {
        if (rules.allChannels) {
            return true;
        }
        for (byte[] p : channelPatterns) {
            if (literal ? java.util.Arrays.equals(p, channel) : io.slotgate.node.store.Glob.matches(p, channel)) {
                return true;
            }
        }
        return false;
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

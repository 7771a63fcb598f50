package io.slotgate.node.acl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The node's ACL users (node-local, never gossiped, as in Redis). Connections read through {@link AclUserRef}s
 * without locking; the rare changes (ACL SETUSER/DELUSER, CONFIG SET requirepass) come from any client loop
 * and are serialised here by the object's monitor, each publishing a fresh immutable {@link AclUser}.
 */
public final class AclUsers {

    public static final String DEFAULT = "default";

    private final AclCommandTable table;
    private final TreeMap<String, AclUserRef> users = new TreeMap<>();
    private final AclUserRef defaultUser;
    private final AclLog log = new AclLog();

    /** @param requirepass the default user's password (null = nopass), as Redis 7 maps {@code requirepass} */
    public AclUsers(AclCommandTable table, String requirepass) {
        this.table = table;
        UserRules d = new UserRules(DEFAULT);
        for (String op : List.of("+@all", "~*", "&*", "on", "nopass")) {
            d.apply(op, table);
        }
        if (requirepass != null) {
            d.apply("resetpass", table);
            d.apply(">" + requirepass, table);
        }
        defaultUser = new AclUserRef(d.freeze(table));
        users.put(DEFAULT, defaultUser);
    }

    public AclCommandTable table() {
        return table;
    }

    /** ACL LOG's entries. */
    public AclLog log() {
        return log;
    }

    public AclUserRef defaultUser() {
        return defaultUser;
    }

    /**
     * Whether new connections start authenticated: the default user needs no password and is enabled (Redis's
     * authRequired() negated).
     */
    public boolean defaultOpen() {
        AclUser d = defaultUser.get();
        return d.nopass() && d.enabled();
    }

    public synchronized AclUserRef find(String name) {
        return users.get(name);
    }

    /** The user a valid name/password pair opens, or null (unknown, disabled, wrong password). */
    public AclUserRef authenticate(String name, byte[] password) {
        AclUserRef ref = find(name);
        if (ref == null) {
            return null;
        }
        AclUser u = ref.get();
        return u.enabled() && u.accepts(password) ? ref : null;
    }

    /**
     * ACL SETUSER: applies every rule to a copy, then publishes it; on the first invalid rule nothing changes.
     *
     * @throws AclSetUserException naming the rule and Redis's reason
     */
    public synchronized void setUser(String name, List<String> ops) {
        AclUserRef ref = users.get(name);
        UserRules r = ref == null ? newUser(name) : ref.get().rules.copy();
        for (String op : ops) {
            try {
                r.apply(op, table);
            } catch (AclRuleException e) {
                throw new AclSetUserException(op, e.getMessage());
            }
        }
        AclUser frozen = r.freeze(table);
        if (ref == null) {
            users.put(name, new AclUserRef(frozen));
        } else {
            ref.set(frozen);
        }
    }

    private UserRules newUser(String name) {
        // A new user is off, without passwords, keys, channels or commands (acl-pubsub-default resetchannels).
        return new UserRules(name);
    }

    /** CONFIG SET requirepass: resets the default user's passwords to this one (empty or null = nopass). */
    public synchronized void setDefaultPassword(String password) {
        UserRules r = defaultUser.get().rules.copy();
        r.apply("resetpass", table);
        r.apply(password == null || password.isEmpty() ? "nopass" : ">" + password, table);
        defaultUser.set(r.freeze(table));
    }

    /** ACL DELUSER: removes the named users; returns the refs removed (their connections must close). */
    public synchronized List<AclUserRef> delete(List<String> names) {
        List<AclUserRef> removed = new ArrayList<>();
        for (String n : names) {
            AclUserRef ref = users.remove(n);
            if (ref != null) {
                ref.markDeleted();
                removed.add(ref);
            }
        }
        return removed;
    }

    /** Users sorted by name, as ACL USERS and ACL LIST order them. */
    public synchronized List<AclUser> all() {
        List<AclUser> out = new ArrayList<>();
        for (AclUserRef r : users.values()) {
            out.add(r.get());
        }
        return out;
    }
}

package io.slotgate.node.acl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The text forms of a user: the rules of ACL LIST and the fields of ACL GETUSER, built as Redis 7.0 builds them.
 * Command rules are not the rules as typed but a rebuild from the permission bits: start from +@all or -@all
 * (by the "future commands" bit), greedily apply the category that best fits what differs, then fix single
 * commands. Redis lists those single commands in its hash-table order; here they follow the command table.
 */
public final class AclDescriber {

    private final AclCommandTable t;

    public AclDescriber(AclCommandTable t) {
        this.t = t;
    }

    /** ACL LIST's line without the leading "user name ". */
    public String describe(AclUser u) {
        StringBuilder sb = new StringBuilder();
        for (String f : flags(u)) {
            sb.append(f).append(' ');
        }
        for (String p : u.rules.passwords) {
            sb.append('#').append(p).append(' ');
        }
        if (u.allKeys()) {
            sb.append("~* ");
        } else {
            for (KeyPattern k : u.rules.keys) {
                sb.append(k.describe()).append(' ');
            }
        }
        if (u.allChannels()) {
            sb.append("&* ");
        } else {
            sb.append("resetchannels ");
            for (String c : u.rules.channels) {
                sb.append('&').append(c).append(' ');
            }
        }
        sb.append(commandRules(u));
        return sb.toString();
    }

    /** GETUSER's flags, in Redis's order. */
    public List<String> flags(AclUser u) {
        List<String> out = new ArrayList<>();
        out.add(u.enabled() ? "on" : "off");
        if (u.nopass()) {
            out.add("nopass");
        }
        if (Boolean.FALSE.equals(u.rules.sanitize)) {
            out.add("skip-sanitize-payload");
        } else if (Boolean.TRUE.equals(u.rules.sanitize)) {
            out.add("sanitize-payload");
        }
        return out;
    }

    public List<String> passwords(AclUser u) {
        return List.copyOf(u.rules.passwords);
    }

    /** GETUSER's "keys": "~*" or the patterns separated by spaces. */
    public String keys(AclUser u) {
        if (u.allKeys()) {
            return "~*";
        }
        List<String> parts = new ArrayList<>();
        u.rules.keys.forEach(k -> parts.add(k.describe()));
        return String.join(" ", parts);
    }

    /** GETUSER's "channels": "&*" or the patterns separated by spaces. */
    public String channels(AclUser u) {
        if (u.allChannels()) {
            return "&*";
        }
        List<String> parts = new ArrayList<>();
        u.rules.channels.forEach(c -> parts.add("&" + c));
        return String.join(" ", parts);
    }

    /** The command rules, e.g. "+@all -flushall" or "-@all +@hash +get". */
    public String commandRules(AclUser u) {
        BitSet user = u.allowedBits();
        boolean additive = !u.rules.future;
        UserRules fake = new UserRules("");
        fake.apply(additive ? "-@all" : "+@all", t);
        UserRules temp = new UserRules("");
        temp.allowed = (BitSet) user.clone();
        StringBuilder rules = new StringBuilder(additive ? "-@all " : "+@all ");
        boolean[] applied = new boolean[AclCategory.NAMES.size()];
        while (true) {
            int best = -1;
            long minDiff = Integer.MAX_VALUE;
            long maxSame = 0;
            for (int j = 0; j < applied.length; j++) {
                if (applied[j]) {
                    continue;
                }
                BitSet cat = t.category(AclCategory.NAMES.get(j));
                long on = 0;
                long off = 0;
                for (int id = cat.nextSetBit(0); id >= 0; id = cat.nextSetBit(id + 1)) {
                    if (temp.allowed.get(id)) {
                        on++;
                    } else {
                        off++;
                    }
                }
                long diff = additive ? off : on;
                long same = additive ? on : off;
                if (same > diff && (diff < minDiff || (diff == minDiff && same > maxSame))) {
                    best = j;
                    minDiff = diff;
                    maxSame = same;
                }
            }
            if (best < 0) {
                break;
            }
            String cat = AclCategory.NAMES.get(best);
            fake.apply((additive ? "+@" : "-@") + cat, t);
            temp.apply((additive ? "-@" : "+@") + cat, t);
            rules.append(additive ? "+@" : "-@").append(cat).append(' ');
            applied[best] = true;
        }
        for (int id : t.topLevel()) {
            single(id, user, fake, rules, u);
            for (int kid : t.children(id)) {
                single(kid, user, fake, rules, u);
            }
        }
        rules.setLength(rules.length() - 1);
        return rules.toString();
    }

    private void single(int id, BitSet user, UserRules fake, StringBuilder rules, AclUser u) {
        boolean userBit = user.get(id);
        if (userBit != fake.allowed.get(id)) {
            rules.append(userBit ? '+' : '-').append(t.name(id)).append(' ');
            fake.change(id, userBit, t);
        }
        List<String> first = u.firstArgsMap().get(id);
        if (!userBit && first != null) {
            for (String a : first) {
                rules.append('+').append(t.name(id)).append('|').append(a).append(' ');
            }
        }
    }
}

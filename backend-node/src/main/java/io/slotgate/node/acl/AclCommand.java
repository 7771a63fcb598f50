package io.slotgate.node.acl;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.server.ClientSession;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * ACL SETUSER, GETUSER, DELUSER, LIST, USERS, WHOAMI, CAT, GENPASS, HELP with Redis 7.0's replies. Users live
 * only on this node (no aclfile: LOAD/SAVE answer as Redis does without one).
 */
public final class AclCommand {

    private AclCommand() {
    }

    public static void register(CommandRegistry r) {
        r.add("acl", -2, 0, KeySpec.none(), AclCommand::execute);
    }

    static void execute(Call c) {
        AclUsers users = c.node().config().acl();
        AclDescriber describer = new AclDescriber(users.table());
        String sub = c.argString(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "setuser" -> {
                arity(c, 3, false, sub);
                List<String> ops = new ArrayList<>();
                for (int i = 3; i < c.argc(); i++) {
                    ops.add(c.argString(i));
                }
                try {
                    users.setUser(c.argString(2), ops);
                } catch (AclSetUserException e) {
                    throw new CommandException(e.getMessage());
                }
                c.ok();
            }
            case "getuser" -> {
                arity(c, 3, true, sub);
                AclUserRef ref = users.find(c.argString(2));
                if (ref == null) {
                    c.nullBulk();
                    return;
                }
                AclUser u = ref.get();
                c.array(12);
                c.bulk("flags");
                bulks(c, describer.flags(u));
                c.bulk("passwords");
                bulks(c, describer.passwords(u));
                c.bulk("commands");
                c.bulk(describer.commandRules(u));
                c.bulk("keys");
                c.bulk(describer.keys(u));
                c.bulk("channels");
                c.bulk(describer.channels(u));
                c.bulk("selectors");
                c.array(0);
            }
            case "deluser" -> {
                arity(c, 3, false, sub);
                List<String> names = new ArrayList<>();
                for (int i = 2; i < c.argc(); i++) {
                    String n = c.argString(i);
                    if (n.equals(AclUsers.DEFAULT)) {
                        throw new CommandException("ERR The 'default' user cannot be removed");
                    }
                    names.add(n);
                }
                List<AclUserRef> removed = users.delete(names);
                disconnect(c, removed);
                c.integer(removed.size());
            }
            case "list" -> {
                arity(c, 2, true, sub);
                List<AclUser> all = users.all();
                c.array(all.size());
                for (AclUser u : all) {
                    c.bulk("user " + u.name() + " " + describer.describe(u));
                }
            }
            case "users" -> {
                arity(c, 2, true, sub);
                List<AclUser> all = users.all();
                c.array(all.size());
                for (AclUser u : all) {
                    c.bulk(u.name());
                }
            }
            case "whoami" -> {
                arity(c, 2, true, sub);
                c.bulk(c.session().user().get().name());
            }
            case "cat" -> cat(c, users.table());
            case "log" -> log(c, users.log());
            case "dryrun" -> {
                arity(c, 4, false, sub);
                dryrun(c, users);
            }
            case "genpass" -> genpass(c);
            case "load", "save" -> {
                arity(c, 2, true, sub);
                throw new CommandException("ERR This Redis instance is not configured to use an ACL file. You may "
                        + "want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming "
                        + "you have a Redis configuration file set) in order to store users in the Redis "
                        + "configuration.");
            }
            case "help" -> {
                List<String> lines = List.of(
                        "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                        "CAT [<category>]", "    List all commands that belong to <category>, or all command "
                                + "categories when no category is specified.",
                        "DELUSER <username> [<username> ...]", "    Delete a list of users.",
                        "GETUSER <username>", "    Get the user's details.",
                        "GENPASS [<bits>]", "    Generate a secure 256-bit user password. The optional `bits` "
                                + "argument can be used to specify a different size.",
                        "LIST", "    Show users details in config file format.",
                        "SETUSER <username> <attribute> [<attribute> ...]", "    Create or modify a user with the "
                                + "specified attributes.",
                        "USERS", "    List all the registered usernames.",
                        "WHOAMI", "    Return the current connection username.",
                        "HELP", "    Print this help.");
                c.array(lines.size());
                lines.forEach(c::simple);
            }
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "ACL"));
        }
    }

    private static void arity(Call c, int n, boolean exact, String sub) {
        if (exact ? c.argc() != n : c.argc() < n) {
            throw new CommandException(Errors.wrongArity("acl|" + sub));
        }
    }

    private static void bulks(Call c, List<String> items) {
        c.array(items.size());
        items.forEach(c::bulk);
    }

    /** Closes the connections of deleted users; the caller's own after this reply (Redis frees it async). */
    private static void disconnect(Call c, List<AclUserRef> removed) {
        if (removed.isEmpty()) {
            return;
        }
        for (ClientSession s : c.node().clients().all()) {
            if (removed.contains(s.user())) {
                if (s == c.session()) {
                    s.loop().execute(s::closeAfterReplies);
                } else {
                    s.channel().close();
                }
            }
        }
    }

    private static void cat(Call c, AclCommandTable t) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.wrongArity("acl|cat"));
        }
        if (c.argc() == 2) {
            c.array(AclCategory.NAMES.size());
            AclCategory.NAMES.forEach(c::bulk);
            return;
        }
        BitSet cat = t.category(c.argString(2));
        if (cat == null) {
            throw new CommandException("ERR Unknown category '" + c.argString(2) + "'");
        }
        c.array(cat.cardinality());
        for (int id = cat.nextSetBit(0); id >= 0; id = cat.nextSetBit(id + 1)) {
            c.bulk(t.name(id));
        }
    }

    /** ACL LOG [count | RESET]. */
    private static void log(Call c, AclLog log) {
        if (c.argc() > 3) {
            throw new CommandException("ERR unknown subcommand or wrong number of arguments for '" + c.argString(1)
                    + "'. Try ACL HELP.");
        }
        long count = 10;
        if (c.argc() == 3) {
            if (c.argIs(2, "reset")) {
                log.reset();
                c.ok();
                return;
            }
            count = Math.max(0, c.argLong(2));
        }
        List<AclLog.Row> rows = log.rows(count);
        c.array(rows.size());
        for (AclLog.Row r : rows) {
            c.array(14);
            c.bulk("count");
            c.integer(r.count());
            c.bulk("reason");
            c.bulk(r.reason());
            c.bulk("context");
            c.bulk(r.context());
            c.bulk("object");
            c.bulk(r.object());
            c.bulk("username");
            c.bulk(r.username());
            c.bulk("age-seconds");
            c.bulk(r.age());
            c.bulk("client-info");
            c.bulk(r.clientInfo());
        }
    }

    /** ACL DRYRUN user command [arg...]: would this user be allowed (nothing runs). */
    private static void dryrun(Call c, AclUsers users) {
        AclUserRef ref = users.find(c.argString(2));
        if (ref == null) {
            throw new CommandException("ERR User '" + c.argString(2) + "' not found");
        }
        byte[][] args = new byte[c.argc() - 3][];
        for (int i = 3; i < c.argc(); i++) {
            args[i - 3] = c.request().argBytes(i);
        }
        RespRequest inner = RespRequest.of(args);
        try {
            CommandEntry entry = c.node().registry().lookup(inner);
            AclCommandTable t = users.table();
            int id = entry == null ? -1 : t.resolve(entry, inner);
            if (entry == null || (t.isContainer(t.aclId(entry)) && id == t.aclId(entry))) {
                throw new CommandException("ERR Command '" + c.argString(3) + "' not found");
            }
            var spec = t.spec(id);
            if (spec != null ? !spec.arityOk(inner.argCount()) : !entry.arityOk(inner.argCount())) {
                throw new CommandException(Errors.wrongArity(t.name(id)));
            }
            AclCheck.Denial d = new AclCheck(t).denial(ref.get(), entry, inner);
            if (d == null) {
                c.ok();
                return;
            }
            c.bulk(switch (d.kind()) {
                case COMMAND -> "This user has no permissions to run the '" + d.command() + "' command";
                case KEY -> "This user has no permissions to access the '" + inner.argString(d.argIndex()) + "' key";
                case CHANNEL -> "This user has no permissions to access the '" + inner.argString(d.argIndex())
                        + "' channel";
            });
        } finally {
            inner.release();
        }
    }

    private static void genpass(Call c) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.wrongArity("acl|genpass"));
        }
        long bits = 256;
        if (c.argc() == 3) {
            bits = c.argLong(2);
        }
        if (bits <= 0 || bits > 4096) {
            throw new CommandException("ERR ACL GENPASS argument must be the number of bits for the output "
                    + "password, a positive number up to 4096");
        }
        c.bulk(Passwords.generate((int) bits));
    }
}

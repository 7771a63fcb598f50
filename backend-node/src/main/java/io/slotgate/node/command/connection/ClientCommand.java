package io.slotgate.node.command.connection;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Errors;
import io.slotgate.node.server.ClientSession;

import java.net.InetSocketAddress;
import java.util.Locale;

/** CLIENT ID / SETNAME / GETNAME / LIST / INFO / KILL / NO-EVICT / NO-TOUCH / REPLY (ON only) / HELP. */
public final class ClientCommand {

    private ClientCommand() {
    }

    static void execute(Call c) {
        String sub = c.argString(1).toLowerCase(Locale.ROOT);
        if (!c.session().isAuthenticated()) {
            throw new CommandException(Errors.NOAUTH);
        }
        switch (sub) {
            case "id" -> {
                arity(c, 2, sub);
                c.integer(c.session().id());
            }
            case "getname" -> {
                arity(c, 2, sub);
                String n = c.session().name();
                c.bulk(n.isEmpty() ? null : n);
            }
            case "setname" -> {
                arity(c, 3, sub);
                setName(c, c.argString(2));
                c.ok();
            }
            case "info" -> {
                arity(c, 2, sub);
                c.bulk(describe(c.session()) + "\n");
            }
            case "list" -> list(c);
            case "kill" -> kill(c);
            case "no-evict", "no-touch" -> {
                arity(c, 3, sub);
                if (!c.argIs(2, "on") && !c.argIs(2, "off")) {
                    throw new CommandException(Errors.SYNTAX);
                }
                c.ok();
            }
            case "help" -> {
                c.array(1);
                c.simple("CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands: ID GETNAME SETNAME LIST "
                        + "INFO KILL NO-EVICT NO-TOUCH HELP");
            }
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "CLIENT"));
        }
    }

    private static void arity(Call c, int n, String sub) {
        if (c.argc() != n) {
            throw new CommandException(Errors.wrongArity("client|" + sub));
        }
    }

    static void setName(Call c, String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < '!' || ch > '~') {
                throw new CommandException("ERR Client names cannot contain spaces, newlines or special characters.");
            }
        }
        c.session().setName(name);
    }

    private static void list(Call c) {
        StringBuilder sb = new StringBuilder();
        if (c.argc() == 2) {
            c.node().clients().all().forEach(s -> sb.append(describe(s)).append('\n'));
        } else if (c.argc() >= 4 && c.argIs(2, "type")) {
            String type = c.argString(3).toLowerCase(Locale.ROOT);
            if (!type.equals("normal") && !type.equals("pubsub") && !type.equals("master")
                    && !type.equals("replica") && !type.equals("slave")) {
                throw new CommandException("ERR Unknown client type '" + c.argString(3) + "'");
            }
            for (ClientSession s : c.node().clients().all()) {
                boolean pubsub = s.subscriptionCount() > 0;
                if (type.equals("normal") && !pubsub || type.equals("pubsub") && pubsub) {
                    sb.append(describe(s)).append('\n');
                }
            }
        } else if (c.argc() >= 4 && c.argIs(2, "id")) {
            for (int i = 3; i < c.argc(); i++) {
                long id = c.argLong(i, "ERR Invalid client ID");
                ClientSession s = c.node().clients().get(id);
                if (s != null) {
                    sb.append(describe(s)).append('\n');
                }
            }
        } else {
            throw new CommandException(Errors.SYNTAX);
        }
        c.bulk(sb.toString());
    }

    /** CLIENT KILL addr | CLIENT KILL [ID id] [ADDR ip:port] [LADDR ip:port] [SKIPME yes/no]... */
    private static void kill(Call c) {
        if (c.argc() == 3) {
            String addr = c.argString(2);
            for (ClientSession s : c.node().clients().all()) {
                if (address(s).equals(addr)) {
                    closeSoon(c, s);
                    c.ok();
                    return;
                }
            }
            throw new CommandException("ERR No such client");
        }
        if (c.argc() % 2 != 0) {
            throw new CommandException(Errors.SYNTAX);
        }
        Long id = null;
        String addr = null;
        String laddr = null;
        boolean skipMe = true;
        for (int i = 2; i < c.argc(); i += 2) {
            if (c.argIs(i, "id")) {
                id = c.argLong(i + 1, "ERR client-id should be greater than 0");
            } else if (c.argIs(i, "addr")) {
                addr = c.argString(i + 1);
            } else if (c.argIs(i, "laddr")) {
                laddr = c.argString(i + 1);
            } else if (c.argIs(i, "skipme")) {
                if (c.argIs(i + 1, "yes")) {
                    skipMe = true;
                } else if (c.argIs(i + 1, "no")) {
                    skipMe = false;
                } else {
                    throw new CommandException(Errors.SYNTAX);
                }
            } else if (c.argIs(i, "type") && c.argIs(i + 1, "master")) {
                c.integer(c.node().replication().killMasterLink() ? 1 : 0); // the link is not a listed client
                return;
            } else if (c.argIs(i, "type") && (c.argIs(i + 1, "replica") || c.argIs(i + 1, "slave"))) {
                c.integer(c.node().replication().killReplicaLinks());
                return;
            } else if (c.argIs(i, "type") || c.argIs(i, "user") || c.argIs(i, "maxage")) {
                // accepted, not filtered on (single default user, normal clients)
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        long killed = 0;
        for (ClientSession s : c.node().clients().all()) {
            if (id != null && s.id() != id || addr != null && !address(s).equals(addr)
                    || laddr != null && !localAddress(s).equals(laddr)) {
                continue;
            }
            if (skipMe && s == c.session()) {
                continue;
            }
            closeSoon(c, s);
            killed++;
        }
        c.integer(killed);
    }

    /** Closes after the current reply went out when it is the caller itself. */
    private static void closeSoon(Call c, ClientSession s) {
        if (s == c.session()) {
            s.loop().execute(s::closeAfterReplies);
        } else {
            s.channel().close();
        }
    }

    private static String address(ClientSession s) {
        return format(s.channel().remoteAddress());
    }

    private static String localAddress(ClientSession s) {
        return format(s.channel().localAddress());
    }

    private static String format(java.net.SocketAddress a) {
        if (a instanceof InetSocketAddress in) {
            return in.getAddress().getHostAddress() + ":" + in.getPort();
        }
        return String.valueOf(a);
    }

    /** One CLIENT LIST line in Redis 7.0's field order. */
    /** The connection's CLIENT LIST line (also ACL LOG's client-info). */
    public static String describe(ClientSession s) {
        long now = System.currentTimeMillis();
        java.util.List<?> multi = s.multiQueue(); // read once: another loop owns it
        return "id=" + s.id() + " addr=" + address(s) + " laddr=" + localAddress(s) + " fd=8 name=" + s.name()
                + " age=" + (now - s.createdMillis()) / 1000 + " idle=" + (now - s.lastInteractionMillis()) / 1000
                + " flags=" + (multi != null ? "x" : s.subscriptionCount() > 0 ? "P" : "N")
                + " db=0 sub=" + s.channels().size() + " psub=" + s.patterns().size() + " ssub="
                + s.shardChannels().size() + " multi=" + (multi != null ? multi.size() : -1)
                + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r"
                + " cmd=" + s.lastCommand() + " user=" + s.user().get().name() + " redir=-1 resp=2";
    }
}

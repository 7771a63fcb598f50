package io.slotgate.node.command.connection;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.acl.AclUserRef;
import io.slotgate.node.acl.AclUsers;
import io.slotgate.node.server.ClientSession;

import static io.slotgate.node.command.CommandEntry.F_NO_AUTH;
import static io.slotgate.node.command.CommandEntry.F_PUBSUB_OK;
import static io.slotgate.node.command.CommandEntry.F_TX_CONTROL;

/** PING, ECHO, QUIT, AUTH, SELECT, HELLO, RESET, READONLY/READWRITE, ASKING (CLIENT is in ClientCommand). */
public final class ConnectionCommands {

    private static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

    private ConnectionCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec none = KeySpec.none();
        r.add("ping", -1, F_PUBSUB_OK, none, ConnectionCommands::ping);
        r.add("echo", 2, 0, none, c -> c.bulk(c.arg(1)));
        r.add("quit", -1, F_NO_AUTH | F_PUBSUB_OK | F_TX_CONTROL, none, c -> {
            c.ok();
            ClientSession s = c.session();
            s.loop().execute(s::closeAfterReplies); // after this +OK is queued
        });
        r.add("auth", -2, F_NO_AUTH, none, ConnectionCommands::auth);
        r.add("select", 2, 0, none, c -> {
            long db = c.argLong(1);
            if (db != 0) {
                throw new CommandException(c.node().options().clusterEnabled()
                        ? "ERR SELECT is not allowed in cluster mode" : "ERR DB index is out of range");
            }
            c.ok();
        });
        r.add("hello", -1, F_NO_AUTH, none, ConnectionCommands::hello);
        r.add("reset", 1, F_NO_AUTH | F_PUBSUB_OK | F_TX_CONTROL, none, c -> {
            ClientSession s = c.session();
            s.setReadonly(false);
            s.setAsking(false);
            s.setName("");
            s.endMulti().forEach(io.slotgate.routing.resp.RespRequest::release);
            io.slotgate.node.command.tx.TransactionCommands.unwatchAll(c);
            io.slotgate.node.command.pubsub.PubSubCommands.unsubscribeAll(c);
            s.logout();
            c.simple("RESET");
        });
        r.add("readonly", 1, 0, none, c -> clusterFlag(c, true));
        r.add("readwrite", 1, 0, none, c -> clusterFlag(c, false));
        r.add("asking", 1, 0, none, c -> {
            requireCluster(c);
            c.session().setAsking(true);
            c.ok();
        });
        r.add("client", -2, F_NO_AUTH, none, ClientCommand::execute);
    }

    private static void ping(Call c) {
        if (c.argc() > 2) {
            throw new CommandException(Errors.wrongArity("ping"));
        }
        if (c.session().subscriptionCount() > 0) {
            c.array(2);
            c.bulk("pong");
            c.bulk(c.argc() == 2 ? c.arg(1) : new byte[0]);
        } else if (c.argc() == 2) {
            c.bulk(c.arg(1));
        } else {
            c.simple("PONG");
        }
    }

    /** AUTH [user] pass (Redis 7.0 authCommand): one argument means the default user. */
    private static void auth(Call c) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (c.argc() == 2 && c.node().config().acl().defaultUser().get().nopass()) {
            throw new CommandException("ERR AUTH <password> called without any password configured for the "
                    + "default user. Are you sure your configuration is correct?");
        }
        checkCredentials(c, c.argc() == 3 ? c.argString(1) : AclUsers.DEFAULT, c.request().argBytes(c.argc() - 1));
        c.ok();
    }

    private static void checkCredentials(Call c, String user, byte[] password) {
        AclUserRef ref = c.node().config().acl().authenticate(user, password);
        if (ref == null) {
            c.node().config().acl().log().add("auth", c.session().inMulti() ? "multi" : "toplevel",
                    c.entry().name(), user, ClientCommand.describe(c.session()));
            throw new CommandException(WRONGPASS);
        }
        c.session().login(ref);
    }

    private static void hello(Call c) {
        if (c.argc() >= 2) {
            long ver;
            try {
                ver = c.request().argLong(1);
            } catch (NumberFormatException e) {
                throw new CommandException("ERR Protocol version is not an integer or out of range");
            }
            if (ver < 2 || ver > 3) {
                throw new CommandException("NOPROTO unsupported protocol version");
            }
            for (int i = 2; i < c.argc(); i++) {
                boolean more = i + 1 < c.argc();
                if (c.argIs(i, "auth") && i + 2 < c.argc()) {
                    checkCredentials(c, c.argString(i + 1), c.request().argBytes(i + 2));
                    i += 2;
                } else if (c.argIs(i, "setname") && more) {
                    ClientCommand.setName(c, c.argString(++i));
                } else {
                    throw new CommandException("ERR Syntax error in HELLO option '" + c.argString(i) + "'");
                }
            }
            if (ver == 3) {
                // RESP3 is not implemented: Redis clients fall back to RESP2 on this reply.
                throw new CommandException("NOPROTO sorry, this protocol version is not supported");
            }
        }
        if (!c.session().isAuthenticated()) {
            throw new CommandException("NOAUTH HELLO must be called with the client already authenticated, "
                    + "otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the "
                    + "client and select the RESP protocol version at the same time");
        }
        c.array(14);
        c.bulk("server");
        c.bulk("redis");
        c.bulk("version");
        c.bulk(ServerInfoVersion.VERSION);
        c.bulk("proto");
        c.integer(2);
        c.bulk("id");
        c.integer(c.session().id());
        c.bulk("mode");
        c.bulk(c.node().options().clusterEnabled() ? "cluster" : "standalone");
        c.bulk("role");
        c.bulk("master");
        c.bulk("modules");
        c.array(0);
    }

    private static void requireCluster(Call c) {
        if (!c.node().options().clusterEnabled()) {
            throw new CommandException("ERR This instance has cluster support disabled");
        }
    }

    private static void clusterFlag(Call c, boolean readonly) {
        requireCluster(c);
        c.session().setReadonly(readonly);
        c.ok();
    }
}

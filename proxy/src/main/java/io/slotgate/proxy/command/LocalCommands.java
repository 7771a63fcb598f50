package io.slotgate.proxy.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.proxy.Version;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.multikey.SumMerge;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.routing.Router;
import io.slotgate.proxy.routing.Transaction;
import io.slotgate.proxy.server.ClientConnection;
import io.slotgate.proxy.server.ReplySlot;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Commands the proxy answers itself: connection handling (PING, ECHO, QUIT, SELECT 0, AUTH, HELLO 2, CLIENT
 * SETNAME/GETNAME/ID, READONLY/READWRITE), transactions (MULTI, EXEC, DISCARD; UNWATCH is a no-op since WATCH is
 * refused), DBSIZE summed over the masters, and INFO about the proxy.
 */
public final class LocalCommands {

    /** Commands a client may send before AUTH (Redis: the no-auth flag). */
    static final Set<String> ALLOWED_BEFORE_AUTH = Set.of("auth", "hello", "quit");

    private final String password;
    private final Router router;
    private final InfoCommand info;
    private final ScriptCommands scripts;

    public LocalCommands(String password, Router router, InfoCommand info) {
        this.password = password;
        this.router = router;
        this.info = info;
        this.scripts = new ScriptCommands(router);
    }

    /** Takes ownership of {@code request}; arity was checked against the command table. */
    void execute(ClientConnection client, RespRequest request, String name, ReplySlot slot) {
        if (name.startsWith("script|")) {
            scripts.execute(client, request, name, slot);
            return;
        }
        try {
            switch (name) {
                case "ping" -> slot.complete(request.argCount() > 2
                        ? ErrorReplies.of("ERR wrong number of arguments for 'ping' command")
                        : request.argCount() == 1 ? simple("PONG") : bulk(request.argBytes(1)));
                case "echo" -> slot.complete(bulk(request.argBytes(1)));
                case "quit" -> slot.completeAndClose(simple("OK"));
                case "select" -> slot.complete(select(request));
                case "auth" -> slot.complete(auth(client, request));
                case "hello" -> slot.complete(hello(client, request));
                case "readonly", "readwrite", "client|setinfo", "unwatch" -> slot.complete(simple("OK"));
                case "multi" -> slot.complete(multi(client));
                case "discard" -> slot.complete(discard(client));
                case "exec" -> exec(client, slot);
                case "client|setname" -> slot.complete(setName(client, request.argString(2)));
                case "client|getname" -> slot.complete(client.name().isEmpty() ? nullBulk()
                        : bulk(client.name().getBytes(StandardCharsets.UTF_8)));
                case "client|id" -> slot.complete(integer(client.id()));
                case "info" -> slot.complete(bulk(info.render(request).getBytes(StandardCharsets.UTF_8)));
                case "dbsize" -> {
                    dbsize(client, slot);
                    return; // the request is not forwarded; released below
                }
                default -> slot.complete(ErrorReplies.of("ERR unknown command '" + name + "'"));
            }
        } finally {
            request.release();
        }
    }

    private static ByteBuf multi(ClientConnection client) {
        if (client.transaction() != null) {
            return ErrorReplies.of("ERR MULTI calls can not be nested");
        }
        client.setTransaction(new Transaction());
        return simple("OK");
    }

    private static ByteBuf discard(ClientConnection client) {
        Transaction tx = client.transaction();
        if (tx == null) {
            return ErrorReplies.of("ERR DISCARD without MULTI");
        }
        tx.discard();
        client.setTransaction(null);
        return simple("OK");
    }

    /** EXEC: the queued block goes to the master of its slot as MULTI ... EXEC (cluster-protocol.md §3.2). */
    private void exec(ClientConnection client, ReplySlot slot) {
        Transaction tx = client.transaction();
        if (tx == null) {
            slot.complete(ErrorReplies.of("ERR EXEC without MULTI"));
            return;
        }
        client.setTransaction(null);
        if (tx.isAborted()) {
            tx.discard();
            slot.complete(ErrorReplies.of("EXECABORT Transaction discarded because of previous errors."));
        } else if (tx.isEmpty()) {
            ByteBuf empty = Unpooled.buffer(4);
            RespWriter.writeArrayHeader(empty, 0);
            slot.complete(empty);
        } else {
            router.routeTransaction(client.loop(), tx, slot, null);
        }
    }

    private static ByteBuf select(RespRequest request) {
        long db;
        try {
            db = request.argLong(1);
        } catch (NumberFormatException e) {
            return ErrorReplies.of("ERR value is not an integer or out of range");
        }
        return db == 0 ? simple("OK") : ErrorReplies.of("ERR SELECT is not allowed in cluster mode");
    }

    private ByteBuf auth(ClientConnection client, RespRequest request) {
        String user = request.argCount() == 3 ? request.argString(1) : "default";
        String pass = request.argString(request.argCount() - 1);
        if (request.argCount() > 3) {
            return ErrorReplies.of("ERR syntax error");
        }
        if (password.isEmpty()) {
            if (request.argCount() == 2) {
                return ErrorReplies.of("ERR AUTH <password> called without any password configured for the "
                        + "default user. Are you sure your configuration is correct?");
            }
            return user.equals("default") ? simple("OK")
                    : ErrorReplies.of("WRONGPASS invalid username-password pair or user is disabled.");
        }
        if (user.equals("default") && constantTimeEquals(pass, password)) {
            client.setAuthenticated(true);
            return simple("OK");
        }
        return ErrorReplies.of("WRONGPASS invalid username-password pair or user is disabled.");
    }

    /** HELLO [protover [AUTH user pass] [SETNAME name]]: only RESP2 (cluster-protocol.md §11). */
    private ByteBuf hello(ClientConnection client, RespRequest request) {
        int i = 1;
        if (request.argCount() > 1) {
            long version;
            try {
                version = request.argLong(1);
            } catch (NumberFormatException e) {
                return ErrorReplies.of("ERR Protocol version is not an integer or out of range");
            }
            if (version != 2) {
                return ErrorReplies.of("NOPROTO sorry, this protocol version is not supported");
            }
            i = 2;
        }
        String setName = null;
        for (; i < request.argCount(); i++) {
            int left = request.argCount() - i - 1;
            if (request.argEqualsIgnoreCase(i, "AUTH") && left >= 2) {
                String user = request.argString(i + 1);
                String pass = request.argString(i + 2);
                if (!password.isEmpty() && !(user.equals("default") && constantTimeEquals(pass, password))) {
                    return ErrorReplies.of("WRONGPASS invalid username-password pair or user is disabled.");
                }
                client.setAuthenticated(true);
                i += 2;
            } else if (request.argEqualsIgnoreCase(i, "SETNAME") && left >= 1) {
                setName = request.argString(i + 1);
                i += 1;
            } else {
                return ErrorReplies.of("ERR Syntax error in HELLO option '" + request.argString(i) + "'");
            }
        }
        if (!client.isAuthenticated()) {
            return ErrorReplies.of("NOAUTH HELLO must be called with the client already authenticated, otherwise "
                    + "the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and "
                    + "select the RESP protocol version at the same time");
        }
        if (setName != null) {
            ByteBuf err = setName(client, setName);
            if (ErrorReplies.isError(err)) {
                return err;
            }
            err.release();
        }
        ByteBuf out = Unpooled.buffer(160);
        RespWriter.writeArrayHeader(out, 14);
        RespWriter.writeBulk(out, "server");
        RespWriter.writeBulk(out, "redis");
        RespWriter.writeBulk(out, "version");
        RespWriter.writeBulk(out, Version.REDIS_COMPATIBLE);
        RespWriter.writeBulk(out, "proto");
        RespWriter.writeInteger(out, 2);
        RespWriter.writeBulk(out, "id");
        RespWriter.writeInteger(out, client.id());
        RespWriter.writeBulk(out, "mode");
        RespWriter.writeBulk(out, "standalone");
        RespWriter.writeBulk(out, "role");
        RespWriter.writeBulk(out, "master");
        RespWriter.writeBulk(out, "modules");
        RespWriter.writeArrayHeader(out, 0);
        return out;
    }

    private static ByteBuf setName(ClientConnection client, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '!' || c > '~') {
                return ErrorReplies.of("ERR Client names cannot contain spaces, newlines or special characters.");
            }
        }
        client.setName(name);
        return simple("OK");
    }

    /** DBSIZE: the sum over all masters. */
    private void dbsize(ClientConnection client, ReplySlot slot) {
        List<BackendServer> masters = router.masters();
        if (masters.isEmpty()) {
            slot.complete(ErrorReplies.of(router.noMapError()));
            return;
        }
        SumMerge merge = new SumMerge(masters.size(), slot);
        for (int i = 0; i < masters.size(); i++) {
            router.routeTo(client.loop(), masters.get(i), RespRequest.of("DBSIZE"), merge.part(i), null);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuf simple(String s) {
        ByteBuf out = Unpooled.buffer(s.length() + 3);
        RespWriter.writeSimple(out, s);
        return out;
    }

    private static ByteBuf bulk(byte[] b) {
        ByteBuf out = Unpooled.buffer(b.length + 16);
        RespWriter.writeBulk(out, b);
        return out;
    }

    private static ByteBuf nullBulk() {
        ByteBuf out = Unpooled.buffer(5);
        RespWriter.writeNullBulk(out);
        return out;
    }

    private static ByteBuf integer(long v) {
        ByteBuf out = Unpooled.buffer(24);
        RespWriter.writeInteger(out, v);
        return out;
    }
}

package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.node.command.Call;
import io.slotgate.node.store.Partition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a successful write into the bytes of the replication stream (replication.md §3): the request as the
 * client sent it, except where replaying it could give another result on the replica. Those are sent as what
 * the command did: relative TTLs as absolute ones (EXPIRE -> PEXPIREAT, SET EX / SETEX -> SET PXAT, GETEX ->
 * PEXPIREAT/PERSIST), INCRBYFLOAT -> SET KEEPTTL, SPOP -> SREM of the popped members, blocking pops -> the
 * non-blocking pop that served them (BLPOP -> LPOP, BLMOVE -> LMOVE, BZPOPMIN -> ZREM...), HINCRBYFLOAT -> HSET,
 * RESTORE with a relative TTL -> RESTORE ... ABSTTL, MIGRATE -> DEL of the moved keys.
 * Runs on the loop that ran the command, right after it (the key's current state is the command's result).
 */
final class WriteRewriter {

    private WriteRewriter() {
    }

    /**
     * @param args the command's arguments (a copy taken when a blocking command parked; null = read the call)
     * @return the stream bytes, or null when nothing is to be propagated (an error, a blocked call, no change)
     */
    static ByteBuf rewrite(Call call, byte[][] args) {
        ByteBuf reply = call.out();
        boolean error = reply.isReadable() && reply.getByte(reply.readerIndex()) == '-';
        if (call.db() == null) {
            return error ? null : original(call); // keyless (FLUSHALL) answers later, on every partition
        }
        if (error || !reply.isReadable()) {
            return null;
        }
        String name = call.entry().name();
        Partition db = call.db();
        switch (name) {
            case "set" -> {
                for (int i = 3; i < call.argc(); i++) {
                    if (call.argIs(i, "ex") || call.argIs(i, "px")) {
                        return stringState(db, call.arg(1));
                    }
                }
                return original(call);
            }
            case "setex", "psetex" -> {
                return stringState(db, call.arg(1));
            }
            case "incrbyfloat" -> {
                Object v = ReplyReader.read(reply);
                return v instanceof byte[] b ? StreamCommands.of(bytes("SET"), call.arg(1), b, bytes("KEEPTTL")) : null;
            }
            case "hincrbyfloat" -> {
                Object v = ReplyReader.read(reply);
                return v instanceof byte[] b ? StreamCommands.of(bytes("HSET"), call.arg(1), call.arg(2), b) : null;
            }
            case "restore", "restore-asking" -> {
                return restore(call, db);
            }
            case "migrate" -> {
                return migrated(call);
            }
            case "expire", "pexpire", "expireat" -> {
                return isZero(reply) ? null : ttlState(db, call.arg(1));
            }
            case "getex" -> {
                return call.argc() == 2 ? null : ttlState(db, call.arg(1));
            }
            case "spop" -> {
                return removal("SREM", call.arg(1), ReplyReader.read(reply));
            }
            case "blpop", "brpop" -> {
                return popOf(name.equals("blpop") ? "LPOP" : "RPOP", ReplyReader.read(reply), false);
            }
            case "bzpopmin", "bzpopmax" -> {
                return popOf("ZREM", ReplyReader.read(reply), true);
            }
            case "blmove" -> {
                return ReplyReader.read(reply) == null ? null : StreamCommands.of(bytes("LMOVE"), arg(call, args, 1),
                        arg(call, args, 2), arg(call, args, 3), arg(call, args, 4));
            }
            case "brpoplpush" -> {
                return ReplyReader.read(reply) == null ? null
                        : StreamCommands.of(bytes("RPOPLPUSH"), arg(call, args, 1), arg(call, args, 2));
            }
            case "blmpop", "bzmpop" -> {
                return multiPop(name, call, args, ReplyReader.read(reply));
            }
            default -> {
                return original(call);
            }
        }
    }

    /** RESTORE with a relative TTL: the same RESTORE with the absolute expiry it got, and ABSTTL. */
    private static ByteBuf restore(Call call, Partition db) {
        boolean abs = false;
        for (int i = 4; i < call.argc(); i++) {
            abs |= call.argIs(i, "absttl");
        }
        long at = db.peek(call.arg(1)) == null ? -1 : db.expireAt(call.arg(1));
        if (abs || at < 0) {
            return original(call);
        }
        List<byte[]> args = new ArrayList<>();
        for (int i = 0; i < call.argc(); i++) {
            args.add(i == 2 ? bytes(Long.toString(at)) : call.arg(i));
        }
        args.add(bytes("ABSTTL"));
        return StreamCommands.of(args);
    }

    /** MIGRATE moved the keys away: the replicas delete them (nothing with COPY or NOKEY), as Redis. */
    private static ByteBuf migrated(Call call) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(bytes("DEL"));
        if (call.arg(3).length > 0) {
            keys.add(call.arg(3));
        }
        for (int i = 6; i < call.argc(); i++) {
            if (call.argIs(i, "copy")) {
                return null;
            } else if (call.argIs(i, "auth")) {
                i++;
            } else if (call.argIs(i, "auth2")) {
                i += 2;
            } else if (call.argIs(i, "keys")) {
                for (int k = i + 1; k < call.argc(); k++) {
                    keys.add(call.arg(k));
                }
                break;
            }
        }
        ByteBuf reply = call.out();
        boolean ok = reply.readableBytes() >= 3 && reply.getByte(reply.readerIndex() + 1) == 'O';
        return ok && keys.size() > 1 ? StreamCommands.of(keys) : null;
    }

    /** Whether {@code name} may park and be served later (its arguments must then be copied). */
    static boolean isBlocking(String name) {
        return switch (name) {
            case "blpop", "brpop", "bzpopmin", "bzpopmax", "blmove", "brpoplpush", "blmpop", "bzmpop" -> true;
            default -> false;
        };
    }

    static byte[][] copyArgs(Call call) {
        byte[][] a = new byte[call.argc()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = call.arg(i);
        }
        return a;
    }

    private static byte[] arg(Call call, byte[][] args, int i) {
        return args != null ? args[i] : call.arg(i);
    }

    private static ByteBuf original(Call call) {
        return Unpooled.copiedBuffer(call.request().frame());
    }

    private static boolean isZero(ByteBuf reply) {
        return reply.readableBytes() >= 3 && reply.getByte(reply.readerIndex()) == ':'
                && reply.getByte(reply.readerIndex() + 1) == '0';
    }

    /** The string key as it is now: SET with an absolute PXAT, or DEL when it is gone. */
    private static ByteBuf stringState(Partition db, byte[] key) {
        Object v = db.peek(key);
        if (v == null) {
            return StreamCommands.of(bytes("DEL"), key);
        }
        if (!(v instanceof byte[] s)) {
            return null;
        }
        long at = db.expireAt(key);
        return at >= 0 ? StreamCommands.of(bytes("SET"), key, s, bytes("PXAT"), bytes(Long.toString(at)))
                : StreamCommands.of(bytes("SET"), key, s);
    }

    /** The key's TTL as it is now: PEXPIREAT, PERSIST, or DEL when the key is gone. */
    private static ByteBuf ttlState(Partition db, byte[] key) {
        if (db.peek(key) == null) {
            return StreamCommands.of(bytes("DEL"), key);
        }
        long at = db.expireAt(key);
        return at >= 0 ? StreamCommands.of(bytes("PEXPIREAT"), key, bytes(Long.toString(at)))
                : StreamCommands.of(bytes("PERSIST"), key);
    }

    private static ByteBuf removal(String command, byte[] key, Object popped) {
        List<byte[]> args = new ArrayList<>();
        args.add(bytes(command));
        args.add(key);
        if (popped instanceof byte[] b) {
            args.add(b);
        } else if (popped instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof byte[] b) {
                    args.add(b);
                }
            }
        }
        return args.size() > 2 ? StreamCommands.of(args) : null;
    }

    /** BLPOP-style reply [key, value] (or [key, member, score]): pop from, or remove the member of, that key. */
    private static ByteBuf popOf(String command, Object reply, boolean withMember) {
        if (!(reply instanceof List<?> l) || l.size() < 2 || !(l.get(0) instanceof byte[] key)) {
            return null;
        }
        return withMember ? StreamCommands.of(bytes(command), key, (byte[]) l.get(1))
                : StreamCommands.of(bytes(command), key);
    }

    /** BLMPOP/BZMPOP reply [key, [elements]]: LPOP/RPOP key count, or ZREM key members. */
    private static ByteBuf multiPop(String name, Call call, byte[][] args, Object reply) {
        if (!(reply instanceof List<?> l) || l.size() < 2 || !(l.get(0) instanceof byte[] key)
                || !(l.get(1) instanceof List<?> items)) {
            return null;
        }
        if (name.equals("bzmpop")) {
            List<byte[]> members = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof List<?> pair && pair.get(0) instanceof byte[] m) {
                    members.add(m);
                }
            }
            return removal("ZREM", key, members);
        }
        int numkeys = Integer.parseInt(new String(arg(call, args, 2), StandardCharsets.US_ASCII));
        boolean left = new String(arg(call, args, 3 + numkeys), StandardCharsets.US_ASCII).equalsIgnoreCase("left");
        return StreamCommands.of(bytes(left ? "LPOP" : "RPOP"), key, bytes(Integer.toString(items.size())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

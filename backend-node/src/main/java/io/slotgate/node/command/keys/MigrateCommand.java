package io.slotgate.node.command.keys;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.persistence.rdb.DumpPayload;
import io.slotgate.node.persistence.rdb.StoreValues;
import io.slotgate.node.store.Partition;
import io.slotgate.routing.resp.RespWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_OPEN_SLOT_LOCAL;
import static io.slotgate.node.command.CommandEntry.F_WRITE;

/**
 * MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS key...]
 * (cluster-protocol.md §10.1). Like Redis, it blocks while it talks to the target, but here only the partition
 * owning the keys' slot waits: that keeps the keys from changing between DUMP and the local delete.
 */
final class MigrateCommand {

    private MigrateCommand() {
    }

    static void register(CommandRegistry r) {
        r.add("migrate", -6, F_WRITE | F_OPEN_SLOT_LOCAL, MigrateCommand::keys, MigrateCommand::migrate);
    }

    /**
     * The key argument, or with the KEYS option the keys after it (cluster-protocol.md §10.1: redis-cli's
     * {@code MIGRATE host port "" 0 timeout KEYS k1 k2} is routed by k1..kn, not by the empty key).
     */
    static int[] keys(io.slotgate.routing.resp.RespRequest r) {
        int argc = r.argCount();
        for (int j = 6; j < argc; j++) {
            if (r.argEqualsIgnoreCase(j, "auth2")) {
                j += 2;
            } else if (r.argEqualsIgnoreCase(j, "auth")) {
                j++;
            } else if (r.argEqualsIgnoreCase(j, "keys")) {
                if (r.argLength(3) != 0 || j + 1 >= argc) {
                    return KeySpec.NONE;
                }
                int[] out = new int[argc - j - 1];
                for (int i = 0; i < out.length; i++) {
                    out[i] = j + 1 + i;
                }
                return out;
            }
        }
        return argc > 3 ? new int[] {3} : KeySpec.NONE;
    }

    private record Item(byte[] key, long ttl, byte[] payload) {
    }

    private static void migrate(Call c) {
        boolean copy = false;
        boolean replace = false;
        String user = null;
        String password = null;
        int firstKey = 3;
        int numKeys = 1;
        for (int j = 6; j < c.argc(); j++) {
            int more = c.argc() - j - 1;
            if (c.argIs(j, "copy")) {
                copy = true;
            } else if (c.argIs(j, "replace")) {
                replace = true;
            } else if (c.argIs(j, "auth") && more >= 1) {
                password = c.argString(++j);
            } else if (c.argIs(j, "auth2") && more >= 2) {
                user = c.argString(++j);
                password = c.argString(++j);
            } else if (c.argIs(j, "keys")) {
                if (c.request().argLength(3) != 0) {
                    throw new CommandException("ERR When using MIGRATE KEYS option, the key argument must be set "
                            + "to the empty string");
                }
                firstKey = j + 1;
                numKeys = c.argc() - j - 1;
                break;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        long timeout = c.argLong(5);
        long db = c.argLong(4);
        if (timeout <= 0) {
            timeout = 1000;
        }
        Partition p = c.db();
        List<Item> items = new ArrayList<>();
        for (int i = firstKey; i < firstKey + numKeys; i++) {
            byte[] key = c.arg(i);
            Object v = p.lookupRead(key);
            if (v == null) {
                continue;
            }
            long at = p.expireAt(key);
            long ttl = 0;
            if (at >= 0) {
                ttl = at - p.now();
                if (ttl < 1) {
                    continue;
                }
            }
            items.add(new Item(key, ttl, DumpPayload.dump(StoreValues.toRdb(v))));
        }
        if (items.isEmpty()) {
            c.simple("NOKEY");
            return;
        }
        String command = c.node().options().clusterEnabled() ? "RESTORE-ASKING" : "RESTORE";
        ByteBuf out = Unpooled.buffer();
        int expectedReplies = 0;
        if (password != null) {
            if (user != null) {
                RespWriter.writeCommand(out, "AUTH", user, password);
            } else {
                RespWriter.writeCommand(out, "AUTH", password);
            }
            expectedReplies++;
        }
        RespWriter.writeCommand(out, "SELECT", Long.toString(db));
        expectedReplies++;
        for (Item it : items) {
            byte[][] args = replace ? new byte[5][] : new byte[4][];
            args[0] = command.getBytes(StandardCharsets.US_ASCII);
            args[1] = it.key();
            args[2] = Long.toString(it.ttl()).getBytes(StandardCharsets.US_ASCII);
            args[3] = it.payload();
            if (replace) {
                args[4] = "REPLACE".getBytes(StandardCharsets.US_ASCII);
            }
            RespWriter.writeCommand(out, args);
        }
        byte[] request = new byte[out.readableBytes()];
        out.readBytes(request);
        out.release();
        String host = c.argString(1);
        int port = (int) c.argLong(2);
        String error = exchange(host, port, (int) timeout, request, expectedReplies, items, copy, p, false);
        if (error == RETRY) {
            error = exchange(host, port, (int) timeout, request, expectedReplies, items, copy, p, true);
        }
        if (error != null) {
            throw new CommandException("ERR Target instance replied with error: " + error);
        }
        c.ok();
    }

    /** Marker: a cached connection turned out closed before anything happened; try once on a new one. */
    private static final String RETRY = new String("retry");

    /**
     * Sends the prepared request over a (cached) link to the target and reads its replies, deleting each key the
     * target acknowledged (unless COPY). Returns the target's first error, null, or {@link #RETRY}.
     */
    private static String exchange(String host, int port, int timeout, byte[] request, int expectedReplies,
                                   List<Item> items, boolean copy, Partition p, boolean fresh) {
        MigrateLinks links = MigrateLinks.current();
        MigrateLinks.Link link;
        try {
            link = links.take(host, port, timeout, fresh);
        } catch (IOException e) {
            throw new CommandException("IOERR error or timeout connecting to the client");
        }
        try {
            link.out.write(request);
            link.out.flush();
        } catch (IOException e) {
            links.drop(link);
            if (link.reused) {
                return RETRY;
            }
            throw new CommandException("IOERR error or timeout writing to target instance");
        }
        String error = null;
        int read = 0;
        try {
            for (int i = 0; i < expectedReplies; i++) {
                String line = readLine(link.in);
                read++;
                if (line.startsWith("-") && error == null) {
                    error = line.substring(1);
                }
            }
            for (Item it : items) {
                String line = readLine(link.in);
                read++;
                if (line.startsWith("-")) {
                    if (error == null) {
                        error = line.substring(1);
                    }
                } else if (error == null && !copy) {
                    p.delete(it.key());
                }
            }
        } catch (IOException e) {
            links.drop(link);
            // a cached link the target closed while idle fails before the first reply, with nothing done there
            if (link.reused && read == 0 && !(e instanceof java.net.SocketTimeoutException)) {
                return RETRY;
            }
            throw new CommandException("IOERR error or timeout reading from target instance");
        }
        links.giveBack(host, port, link);
        return error;
    }

    /** One reply line (status or error; integer and bulk replies are not expected here). */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

}

package io.slotgate.node.command.pubsub;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.pubsub.PubSub;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.slotgate.node.command.CommandEntry.F_CLIENT_LOOP;
import static io.slotgate.node.command.CommandEntry.F_FANOUT;
import static io.slotgate.node.command.CommandEntry.F_PUBSUB_OK;

/**
 * SUBSCRIBE family, PUBLISH (local delivery plus the cluster bus, cluster-protocol.md §3), PUBSUB, and the
 * sharded SSUBSCRIBE/SUNSUBSCRIBE/SPUBLISH whose channels are slot-routed like keys.
 */
public final class PubSubCommands {

    private PubSubCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec none = KeySpec.none();
        r.add("subscribe", -2, F_PUBSUB_OK, none, c -> subscribe(c, Kind.CHANNEL));
        r.add("psubscribe", -2, F_PUBSUB_OK, none, c -> subscribe(c, Kind.PATTERN));
        r.add("ssubscribe", -2, F_PUBSUB_OK | F_CLIENT_LOOP, KeySpec.range(1, -1, 1),
                c -> subscribe(c, Kind.SHARD));
        r.add("unsubscribe", -1, F_PUBSUB_OK, none, c -> unsubscribe(c, Kind.CHANNEL));
        r.add("punsubscribe", -1, F_PUBSUB_OK, none, c -> unsubscribe(c, Kind.PATTERN));
        r.add("sunsubscribe", -1, F_PUBSUB_OK | F_CLIENT_LOOP, KeySpec.range(1, -1, 1),
                c -> unsubscribe(c, Kind.SHARD));
        r.add("publish", 3, F_FANOUT, none, c -> {
            byte[] channel = c.arg(1);
            byte[] message = c.arg(2);
            c.node().cluster().broadcastPublish(channel, message);
            c.completeOnClientLoop(c.node().pubsub().publish(channel, message), c::integer);
        });
        r.add("spublish", 3, F_FANOUT | F_CLIENT_LOOP, KeySpec.range(1, 1, 1),
                c -> c.completeOnClientLoop(c.node().pubsub().publishShard(c.arg(1), c.arg(2)), c::integer));
        r.add("pubsub", -2, F_FANOUT, none, PubSubCommands::pubsub);
    }

    enum Kind {
        CHANNEL("subscribe", "unsubscribe"), PATTERN("psubscribe", "punsubscribe"),
        SHARD("ssubscribe", "sunsubscribe");

        final String on;
        final String off;

        Kind(String on, String off) {
            this.on = on;
            this.off = off;
        }
    }

    private static Set<Bytes> set(ClientSession s, Kind k) {
        return switch (k) {
            case CHANNEL -> s.channels();
            case PATTERN -> s.patterns();
            case SHARD -> s.shardChannels();
        };
    }

    private static int count(ClientSession s, Kind k) {
        return k == Kind.SHARD ? s.shardChannels().size() : s.channels().size() + s.patterns().size();
    }

    private static void add(PubSub ps, ClientSession s, Kind k, Bytes name) {
        switch (k) {
            case CHANNEL -> ps.subscribe(s, name);
            case PATTERN -> ps.psubscribe(s, name);
            case SHARD -> ps.ssubscribe(s, name);
        }
    }

    private static void remove(PubSub ps, ClientSession s, Kind k, Bytes name) {
        switch (k) {
            case CHANNEL -> ps.unsubscribe(s, name);
            case PATTERN -> ps.punsubscribe(s, name);
            case SHARD -> ps.sunsubscribe(s, name);
        }
    }

    private static void subscribe(Call c, Kind k) {
        if (c.session().inMulti()) {
            throw new CommandException("ERR Command not allowed inside a transaction");
        }
        ClientSession s = c.session();
        for (int i = 1; i < c.argc(); i++) {
            Bytes name = c.argKey(i);
            if (set(s, k).add(name)) {
                add(c.node().pubsub(), s, k, name);
            }
            c.array(3);
            c.bulk(k.on);
            c.bulk(name);
            c.integer(count(s, k));
        }
    }

    private static void unsubscribe(Call c, Kind k) {
        ClientSession s = c.session();
        List<Bytes> names = new ArrayList<>();
        if (c.argc() == 1) {
            names.addAll(set(s, k));
            if (names.isEmpty()) {
                c.array(3);
                c.bulk(k.off);
                c.nullBulk();
                c.integer(count(s, k));
                return;
            }
        } else {
            for (int i = 1; i < c.argc(); i++) {
                names.add(c.argKey(i));
            }
        }
        for (Bytes name : names) {
            if (set(s, k).remove(name)) {
                remove(c.node().pubsub(), s, k, name);
            }
            c.array(3);
            c.bulk(k.off);
            c.bulk(name);
            c.integer(count(s, k));
        }
    }

    /** Drops every subscription of the client silently (RESET). */
    public static void unsubscribeAll(Call c) {
        ClientSession s = c.session();
        for (Kind k : Kind.values()) {
            for (Bytes name : List.copyOf(set(s, k))) {
                remove(c.node().pubsub(), s, k, name);
            }
            set(s, k).clear();
        }
    }

    private static void pubsub(Call c) {
        String sub = c.argString(1).toLowerCase(Locale.ROOT);
        PubSub ps = c.node().pubsub();
        switch (sub) {
            case "channels", "shardchannels" -> {
                if (c.argc() > 3) {
                    throw new CommandException(Errors.wrongArity("pubsub|" + sub));
                }
                byte[] pattern = c.argc() == 3 ? c.arg(2) : null;
                c.completeOnClientLoop(ps.channels(pattern, sub.equals("shardchannels")), list -> {
                    c.array(list.size());
                    list.forEach(c::bulk);
                });
            }
            case "numsub", "shardnumsub" -> {
                List<Bytes> names = new ArrayList<>();
                for (int i = 2; i < c.argc(); i++) {
                    names.add(c.argKey(i));
                }
                c.completeOnClientLoop(ps.numsub(names, sub.equals("shardnumsub")), counts -> {
                    c.array(names.size() * 2);
                    for (int i = 0; i < names.size(); i++) {
                        c.bulk(names.get(i));
                        c.integer(counts[i]);
                    }
                });
            }
            case "numpat" -> {
                if (c.argc() != 2) {
                    throw new CommandException(Errors.wrongArity("pubsub|numpat"));
                }
                c.completeOnClientLoop(ps.numpat(), c::integer);
            }
            case "help" -> {
                c.array(1);
                c.simple("PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands: CHANNELS NUMSUB NUMPAT "
                        + "SHARDCHANNELS SHARDNUMSUB HELP");
            }
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "PUBSUB"));
        }
    }
}

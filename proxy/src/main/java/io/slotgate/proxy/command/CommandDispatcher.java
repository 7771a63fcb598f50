package io.slotgate.proxy.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.multikey.MultiKeyRouter;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.routing.Router;
import io.slotgate.proxy.routing.Transaction;
import io.slotgate.proxy.server.ClientConnection;
import io.slotgate.proxy.server.ReplySlot;
import io.slotgate.proxy.server.RequestHandler;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.CommandTable;
import io.slotgate.routing.resp.RespRequest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point of every client request: validates it as Redis would (unknown command, wrong arity, NOAUTH), then
 * answers it locally, routes it by key slot, splits it, or refuses it. Each request reserves its reply slot
 * first, so replies keep the request order whatever path they take.
 */
public final class CommandDispatcher implements RequestHandler {

    private final CommandTable table;
    private final Router router;
    private final MultiKeyRouter multiKey;
    private final LocalCommands local;
    private final ProxyStats stats;
    private final CommandClassifier classifier;
    private final ConcurrentHashMap<String, CommandRoute> routes = new ConcurrentHashMap<>();
    /** Commands run at once even inside MULTI (Redis: processCommand). */
    private static final Set<String> TRANSACTION_CONTROL = Set.of("exec", "discard", "multi", "watch", "quit");
    private static final ByteBuf QUEUED = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("+QUEUED\r\n", StandardCharsets.US_ASCII));

    public CommandDispatcher(CommandTable table, Router router, MultiKeyRouter multiKey, LocalCommands local,
                             ProxyStats stats) {
        this.table = table;
        this.router = router;
        this.multiKey = multiKey;
        this.local = local;
        this.stats = stats;
        this.classifier = new CommandClassifier(stats);
    }

    @Override
    public void handle(ClientConnection client, RespRequest request) {
        stats.commands.increment();
        ReplySlot slot = client.newSlot();
        Transaction tx = client.transaction();
        CommandSpec spec = table.lookup(request);
        if (spec == null) {
            rejectQueued(tx, request, slot, RedisErrors.unknownCommand(request));
            return;
        }
        if (!spec.subcommands().isEmpty()) {
            if (request.argCount() < 2) {
                rejectQueued(tx, request, slot, RedisErrors.wrongArity(spec.name()));
                return;
            }
            CommandSpec sub = table.resolve(request);
            if (sub == null || sub == spec || !sub.name().contains("|")) {
                rejectQueued(tx, request, slot, RedisErrors.unknownSubcommand(request, spec.name()));
                return;
            }
            spec = sub;
        }
        if (!spec.arityOk(request.argCount())) {
            rejectQueued(tx, request, slot, RedisErrors.wrongArity(spec.name()));
            return;
        }
        CommandRoute route = routes.get(spec.name());
        if (route == null) {
            CommandSpec resolved = spec;
            route = routes.computeIfAbsent(spec.name(), n -> classifier.classify(resolved));
        }
        if (!client.isAuthenticated() && !LocalCommands.ALLOWED_BEFORE_AUTH.contains(spec.name())) {
            rejectQueued(tx, request, slot, "NOAUTH Authentication required.");
            return;
        }
        if (tx != null && !TRANSACTION_CONTROL.contains(spec.name())) {
            queue(tx, request, spec, route, slot);
            return;
        }
        switch (route.kind()) {
            case LOCAL -> local.execute(client, request, spec.name(), slot);
            case KEYED, BLOCKING -> routeKeyed(client, request, spec, route, slot);
            case MULTI_KEY -> multiKey.route(client.loop(), request, route.multiKey(), slot, route.latency());
            case ANY_MASTER -> routeAnywhere(client, request, route, slot);
            default -> reject(request, slot, tx != null && spec.name().equals("watch")
                    ? "ERR WATCH inside MULTI is not allowed" : unsupported(spec.name()));
        }
    }

    /**
     * Inside MULTI: keyed commands of one slot are queued (+QUEUED); anything else is refused and, as in Redis,
     * makes EXEC fail with EXECABORT.
     */
    private void queue(Transaction tx, RespRequest request, CommandSpec spec, CommandRoute route, ReplySlot slot) {
        CommandRoute.Kind kind = route.kind();
        if (kind != CommandRoute.Kind.KEYED && kind != CommandRoute.Kind.BLOCKING
                && kind != CommandRoute.Kind.MULTI_KEY) {
            rejectQueued(tx, request, slot, "ERR " + CommandClassifier.topName(spec.name()).toUpperCase(Locale.ROOT)
                    + " inside MULTI is not supported by the proxy");
            return;
        }
        int keySlot;
        if (route.singleKeyAt1()) {
            keySlot = request.argSlot(1);
        } else {
            int[] keys = spec.keyIndexes(request);
            if (keys.length == 0) {
                rejectQueued(tx, request, slot, "ERR " + spec.name().toUpperCase(Locale.ROOT)
                        + " without keys inside MULTI is not supported by the proxy");
                return;
            }
            keySlot = request.argSlot(keys[0]);
            for (int i = 1; i < keys.length; i++) {
                if (request.argSlot(keys[i]) != keySlot) {
                    rejectQueued(tx, request, slot, ErrorReplies.CROSSSLOT);
                    return;
                }
            }
        }
        if (!tx.acceptsSlot(keySlot)) {
            rejectQueued(tx, request, slot, ErrorReplies.CROSSSLOT);
            return;
        }
        tx.queue(request, keySlot);
        slot.complete(QUEUED.retainedDuplicate());
    }

    private void routeKeyed(ClientConnection client, RespRequest request, CommandSpec spec, CommandRoute route,
                            ReplySlot slot) {
        int keySlot;
        boolean blocking = route.kind() == CommandRoute.Kind.BLOCKING;
        if (route.singleKeyAt1()) {
            keySlot = request.argSlot(1);
        } else {
            blocking |= CommandClassifier.BLOCK_OPTION.contains(spec.name()) && hasArg(request, "BLOCK");
            int[] keys = spec.keyIndexes(request);
            if (keys.length == 0) {
                if (blocking) {
                    reject(request, slot, "ERR syntax error");
                    return;
                }
                routeAnywhere(client, request, route, slot); // e.g. EVAL with numkeys 0
                return;
            }
            keySlot = request.argSlot(keys[0]);
            for (int i = 1; i < keys.length; i++) {
                if (request.argSlot(keys[i]) != keySlot) {
                    reject(request, slot, ErrorReplies.CROSSSLOT);
                    return;
                }
            }
        }
        if (blocking) {
            router.routeBlocking(client.loop(), request, keySlot, slot, route.latency(), client);
        } else {
            router.routeBySlot(client.loop(), request, keySlot, route.read(), slot, route.latency());
        }
    }

    private void routeAnywhere(ClientConnection client, RespRequest request, CommandRoute route, ReplySlot slot) {
        BackendServer server = router.anyMaster();
        if (server == null) {
            reject(request, slot, router.topology() == null ? router.noMapError()
                    : "ERR slotgate: every master is marked failed");
            return;
        }
        router.routeTo(client.loop(), server, request, slot, route.latency());
    }

    private static boolean hasArg(RespRequest request, String ascii) {
        for (int i = 1; i < request.argCount(); i++) {
            if (request.argEqualsIgnoreCase(i, ascii)) {
                return true;
            }
        }
        return false;
    }

    private static String unsupported(String name) {
        return "ERR " + CommandClassifier.topName(name).toUpperCase(Locale.ROOT) + " is not supported by the proxy";
    }

    /** Rejects a request; inside MULTI this also dooms the transaction (EXEC answers EXECABORT). */
    private static void rejectQueued(Transaction tx, RespRequest request, ReplySlot slot, String error) {
        if (tx != null) {
            tx.abort();
        }
        reject(request, slot, error);
    }

    private static void reject(RespRequest request, ReplySlot slot, String error) {
        request.release();
        slot.complete(ErrorReplies.of(error));
    }
}

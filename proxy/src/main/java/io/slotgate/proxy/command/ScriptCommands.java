package io.slotgate.proxy.command;

import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.multikey.AllTrueMerge;
import io.slotgate.proxy.multikey.FirstReplyMerge;
import io.slotgate.proxy.multikey.OkMerge;
import io.slotgate.proxy.multikey.ReplyCollector;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.routing.Router;
import io.slotgate.proxy.server.ClientConnection;
import io.slotgate.proxy.server.ReplySlot;
import io.slotgate.routing.resp.RespRequest;

import java.util.List;

/**
 * SCRIPT LOAD, EXISTS and FLUSH go to every master (replicas follow their master), so EVALSHA works whichever
 * shard its keys live on.
 */
final class ScriptCommands {

    private final Router router;

    ScriptCommands(Router router) {
        this.router = router;
    }

    /** Takes ownership of {@code request}. */
    void execute(ClientConnection client, RespRequest request, String name, ReplySlot slot) {
        List<BackendServer> masters = router.masters();
        if (masters.isEmpty()) {
            request.release();
            slot.complete(ErrorReplies.of(router.noMapError()));
            return;
        }
        ReplyCollector merge = switch (name) {
            case "script|load" -> new FirstReplyMerge(masters.size(), slot);
            case "script|exists" -> new AllTrueMerge(masters.size(), slot);
            default -> new OkMerge(masters.size(), slot);
        };
        for (int i = 0; i < masters.size(); i++) {
            request.retain();
            router.routeTo(client.loop(), masters.get(i), request, merge.part(i), null);
        }
        request.release();
    }
}

package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A replica forwards its master's stream verbatim into its own backlog and sub-replicas (replication.md §3). A
 * MULTI block counts (and is forwarded) only once its EXEC arrived: a link lost inside it makes the master send it
 * again. Owned by the replication loop.
 */
final class ChainForwarder {

    /** Appends bytes to our own stream (not consumed, not released). */
    private final Consumer<ByteBuf> out;
    /** Logs applied commands (a replica's append-only file): not the link's PING / REPLCONF chatter. */
    private final Consumer<ByteBuf> log;
    /** The MULTI block received so far, or null outside one. */
    private List<ByteBuf> held;

    ChainForwarder(Consumer<ByteBuf> out, Consumer<ByteBuf> log) {
        this.out = out;
        this.log = log;
    }

    /** One complete command from the master, before it is applied. */
    void forward(RespRequest command) {
        if (isCommand(command, "multi")) {
            discard();
            held = new ArrayList<>();
        }
        if (held == null) {
            out.accept(command.frame());
            if (!command.argEqualsIgnoreCase(0, "ping") && !command.argEqualsIgnoreCase(0, "replconf")) {
                log.accept(command.frame());
            }
            return;
        }
        held.add(command.frame().retainedDuplicate());
        if (isCommand(command, "exec")) {
            held.forEach(b -> {
                out.accept(b);
                log.accept(b);
                b.release();
            });
            held = null;
        }
    }

    /** Drops an unfinished MULTI block (the link was lost or a new sync starts). */
    void discard() {
        if (held != null) {
            held.forEach(ByteBuf::release);
            held = null;
        }
    }

    static boolean isCommand(RespRequest r, String name) {
        return r.argCount() == 1 && r.argEqualsIgnoreCase(0, name);
    }
}

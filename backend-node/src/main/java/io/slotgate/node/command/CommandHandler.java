package io.slotgate.node.command;

/** Executes one command. Keyed commands run on their partition's event loop, the others on the client's. */
@FunctionalInterface
public interface CommandHandler {

    void execute(Call call);
}

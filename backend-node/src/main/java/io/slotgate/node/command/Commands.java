package io.slotgate.node.command;

import io.slotgate.node.command.connection.ConnectionCommands;
import io.slotgate.node.command.keys.KeyCommands;
import io.slotgate.node.command.server.ServerCommands;
import io.slotgate.node.command.strings.StringCommands;

/** Builds the registry of every command family this node implements. */
public final class Commands {

    private Commands() {
    }

    public static CommandRegistry registry() {
        return registry(io.slotgate.routing.command.CommandTable.redis70());
    }

    public static CommandRegistry registry(io.slotgate.routing.command.CommandTable table) {
        CommandRegistry r = new CommandRegistry(table);
        ConnectionCommands.register(r);
        ServerCommands.register(r);
        StringCommands.register(r);
        KeyCommands.register(r);
        io.slotgate.node.command.hashes.HashCommands.register(r);
        io.slotgate.node.command.sets.SetCommands.register(r);
        io.slotgate.node.command.lists.ListCommands.register(r);
        io.slotgate.node.command.zsets.ZSetCommands.register(r);
        io.slotgate.node.command.tx.TransactionCommands.register(r);
        io.slotgate.node.command.pubsub.PubSubCommands.register(r);
        io.slotgate.node.command.migration.DumpRestoreCommands.register(r);
        io.slotgate.node.replication.ReplicationCommands.register(r);
        io.slotgate.node.acl.AclCommand.register(r);
        io.slotgate.node.persistence.PersistenceCommands.register(r);
        return r;
    }
}

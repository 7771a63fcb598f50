package io.slotgate.node.command.server;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.CommandTable;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COMMAND, COMMAND COUNT / INFO / DOCS / GETKEYS / LIST, answered from this node's registry (what it can run).
 * Flags and ACL categories are minimal; the full Redis 7.0 table lives in routing's CommandTable.
 */
final class CommandCommand {

    private CommandCommand() {
    }

    static void execute(Call c) {
        if (c.argc() == 1) {
            List<CommandEntry> all = new ArrayList<>(c.node().registry().all());
            c.array(all.size());
            all.forEach(e -> info(c, e));
            return;
        }
        String sub = c.argString(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "count" -> c.integer(c.node().registry().size());
            case "list" -> {
                List<CommandEntry> all = new ArrayList<>(c.node().registry().all());
                c.array(all.size());
                all.forEach(e -> c.bulk(e.name()));
            }
            case "info" -> {
                if (c.argc() == 2) {
                    List<CommandEntry> all = new ArrayList<>(c.node().registry().all());
                    c.array(all.size());
                    all.forEach(e -> info(c, e));
                    return;
                }
                c.array(c.argc() - 2);
                for (int i = 2; i < c.argc(); i++) {
                    CommandEntry e = c.node().registry().lookup(c.argString(i));
                    if (e == null) {
                        c.nullBulk();
                    } else {
                        info(c, e);
                    }
                }
            }
            case "docs" -> {
                List<CommandEntry> list = new ArrayList<>();
                if (c.argc() == 2) {
                    list.addAll(c.node().registry().all());
                } else {
                    for (int i = 2; i < c.argc(); i++) {
                        CommandEntry e = c.node().registry().lookup(c.argString(i));
                        if (e != null) {
                            list.add(e);
                        }
                    }
                }
                c.array(list.size() * 2);
                for (CommandEntry e : list) {
                    c.bulk(e.name());
                    c.array(2);
                    c.bulk("summary");
                    c.bulk("");
                }
            }
            case "getkeys" -> getkeys(c);
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "COMMAND"));
        }
    }

    private static void getkeys(Call c) {
        if (c.argc() < 3) {
            throw new CommandException(Errors.wrongArity("command|getkeys"));
        }
        byte[][] args = new byte[c.argc() - 2][];
        for (int i = 2; i < c.argc(); i++) {
            args[i - 2] = c.arg(i);
        }
        RespRequest inner = RespRequest.of(args);
        try {
            CommandEntry e = c.node().registry().lookup(inner);
            if (e == null) {
                throw new CommandException("ERR Invalid command specified");
            }
            if (!e.arityOk(inner.argCount())) {
                throw new CommandException("ERR Invalid number of arguments specified for command");
            }
            int[] keys = e.keys().keys(inner);
            if (keys.length == 0) {
                throw new CommandException("ERR The command has no key arguments");
            }
            c.array(keys.length);
            for (int k : keys) {
                c.bulk(inner.argBytes(k));
            }
        } finally {
            inner.release();
        }
    }

    /** One COMMAND INFO entry in Redis 7.0's 10-element shape (key specs and subcommands left empty). */
    private static void info(Call c, CommandEntry e) {
        CommandTable table = c.node().registry().table();
        CommandSpec spec = table == null ? null : table.lookup(e.name());
        c.array(10);
        c.bulk(e.name());
        c.integer(e.arity());
        List<String> flags = new ArrayList<>();
        List<String> acl = new ArrayList<>();
        int first = 0;
        int last = 0;
        int step = 0;
        if (spec != null) {
            spec.flags().forEach(f -> flags.add(f.redisName()));
            spec.aclCategories().forEach(a -> acl.add("@" + a));
            first = spec.firstKey();
            last = spec.lastKey();
            step = spec.keyStep();
        } else {
            flags.add(e.isWrite() ? "write" : "readonly");
            if (e.keys() instanceof KeySpec.Range r) {
                first = r.first();
                last = r.last();
                step = r.step();
            }
        }
        c.array(flags.size());
        flags.forEach(c::simple);
        c.integer(first);
        c.integer(last);
        c.integer(step);
        c.array(acl.size());
        acl.forEach(c::simple);
        c.array(0);
        c.array(0);
        c.array(0);
    }
}

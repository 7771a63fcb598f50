package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command (or subcommand) loaded from the generated table; immutable once its subcommands are attached. */
final class TableCommandSpec implements CommandSpec {

    private final String name;
    private final int arity;
    private final Set<CommandFlag> flags;
    private final Set<String> aclCategories;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;
    private final List<KeySpec> keySpecs;
    private final KeyFinder nativeFinder;
    /** Redis consults the specs only if one names real keys and none has argument-dependent flags. */
    private final boolean specsFirst;
    /** Shard-channel commands: specs exist but none names a key. */
    private final boolean onlyNotKeySpecs;
    private Map<String, CommandSpec> subcommands = Map.of();
    private NameTable subcommandTable;

    TableCommandSpec(String name, int arity, Set<CommandFlag> flags, Set<String> aclCategories, int firstKey,
                     int lastKey, int keyStep, List<KeySpec> keySpecs) {
        this.name = name;
        this.arity = arity;
        this.flags = flags.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        this.aclCategories = Set.copyOf(aclCategories);
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.keyStep = keyStep;
        this.keySpecs = List.copyOf(keySpecs);
        this.nativeFinder = NativeKeyFinders.forCommand(name);
        this.specsFirst = keySpecs.stream().anyMatch(s -> !s.notKey())
                && keySpecs.stream().noneMatch(KeySpec::variableFlags);
        this.onlyNotKeySpecs = !keySpecs.isEmpty() && keySpecs.stream().allMatch(KeySpec::notKey);
    }

    /** Attaches the subcommands (loader only, before the table is published). */
    void attachSubcommands(Map<String, CommandSpec> byShortName) {
        subcommands = Collections.unmodifiableMap(new LinkedHashMap<>(byShortName));
        subcommandTable = new NameTable(byShortName);
    }

    /** The subcommand named by argument {@code index} of the request, or null. */
    CommandSpec subcommand(RespRequest request, int index) {
        if (subcommandTable == null || request.argCount() <= index) {
            return null;
        }
        return subcommandTable.get(request.frame(), request.argIndex(index), request.argLength(index));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public Set<CommandFlag> flags() {
        return flags;
    }

    @Override
    public Set<String> aclCategories() {
        return aclCategories;
    }

    @Override
    public int firstKey() {
        return firstKey;
    }

    @Override
    public int lastKey() {
        return lastKey;
    }

    @Override
    public int keyStep() {
        return keyStep;
    }

    @Override
    public Map<String, CommandSpec> subcommands() {
        return subcommands;
    }

    @Override
    public List<KeySpec> keySpecs() {
        return keySpecs;
    }

    @Override
    public int[] keyIndexes(RespRequest request) {
        if (subcommandTable != null) {
            CommandSpec sub = subcommand(request, 1);
            return sub == null ? KeyIndexBuffer.EMPTY : sub.keyIndexes(request);
        }
        if (!arityOk(request.argCount())) {
            return KeyIndexBuffer.EMPTY;
        }
        // Same order of preference as Redis 7.0's getKeysFromCommandWithSpecs (db.c).
        if (specsFirst) {
            int[] keys = KeySpecSearch.find(keySpecs, request);
            if (keys != null) {
                return keys;
            }
        }
        return nativeFinder != null ? nativeFinder.keys(request) : KeyIndexBuffer.EMPTY;
    }

    @Override
    public int[] slotIndexes(RespRequest request) {
        if (!onlyNotKeySpecs) {
            return keyIndexes(request);
        }
        if (!arityOk(request.argCount())) {
            return KeyIndexBuffer.EMPTY;
        }
        int[] channels = KeySpecSearch.find(keySpecs, request, true);
        return channels == null ? KeyIndexBuffer.EMPTY : channels;
    }

    @Override
    public String toString() {
        return "CommandSpec[" + name + " arity=" + arity + " flags=" + flags + " keySpecs=" + keySpecs.size() + "]";
    }
}

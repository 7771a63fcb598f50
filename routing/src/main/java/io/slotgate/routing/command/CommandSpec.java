package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Redis command (or container subcommand such as "CLUSTER|NODES") as COMMAND INFO describes it: arity,
 * flags, ACL categories, legacy key range and key specs; plus key extraction for a concrete request.
 */
public interface CommandSpec {

    /** Lower-case name; subcommands as "parent|sub" (Redis's form, e.g. "cluster|nodes"). */
    String name();

    /** Redis arity: positive = exact argument count, negative = at least -arity (command name included). */
    int arity();

    /** Whether {@code argCount} (command name included) satisfies {@link #arity()}. */
    default boolean arityOk(int argCount) {
        int a = arity();
        return a >= 0 ? argCount == a : argCount >= -a;
    }

    Set<CommandFlag> flags();

    default boolean has(CommandFlag flag) {
        return flags().contains(flag);
    }

    /** ACL categories without '@', lower case (e.g. "write", "string", "slow"). */
    Set<String> aclCategories();

    /** Legacy first key position (0 = none), last (-1 = last argument), step; as COMMAND INFO. */
    int firstKey();

    int lastKey();

    int keyStep();

    /** Redis 7.0 key specs, in COMMAND INFO order; empty for keyless commands and containers. */
    default List<KeySpec> keySpecs() {
        return List.of();
    }

    /** Whether this is a container command (CLUSTER, OBJECT, ...) whose subcommands carry the real specs. */
    default boolean isContainer() {
        return !subcommands().isEmpty();
    }

    /** Subcommands by lower-case name ("nodes" for CLUSTER NODES); empty for plain commands. */
    Map<String, CommandSpec> subcommands();

    /**
     * Indexes (in the request, 0 = command name) of the request's key arguments, in order, as COMMAND GETKEYS
     * would return them; an empty array for keyless commands. Malformed requests (e.g. numkeys out of range)
     * give an empty array rather than an exception. For container commands the subcommand's specs are used.
     */
    int[] keyIndexes(RespRequest request);

    /**
     * Indexes of the arguments whose hash slot decides where a cluster serves the request: the keys, plus the
     * shard channels of SPUBLISH/SSUBSCRIBE/SUNSUBSCRIBE, which Redis marks not_key (so COMMAND GETKEYS omits
     * them) but routes like keys (cluster-protocol.md §3).
     */
    default int[] slotIndexes(RespRequest request) {
        return keyIndexes(request);
    }
}

package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares our key extraction with a real redis-server 7.0's COMMAND GETKEYS over a corpus generated from every
 * command's key specs plus hand-written cases of the forms Redis handles with command-specific code. A request
 * the server rejects (arity, bad numkeys, keyless command) must give no keys here.
 */
class KeyExtractionIntegrationTests {

    private static RedisServerProcess server;
    private static GetKeysConnection connection;
    private final CommandTable table = CommandTable.redis70();

    @BeforeAll
    static void startServer() throws IOException {
        server = RedisServerProcess.standalone();
        connection = new GetKeysConnection(server.port());
    }

    @AfterAll
    static void stopServer() throws IOException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void shouldFindTheSameKeysAsRedisForEveryCommandInTheTable() throws IOException {
        List<CommandSpec> leaves = new ArrayList<>();
        for (CommandSpec c : table.commands()) {
            leaves.add(c);
            leaves.addAll(c.subcommands().values());
        }
        List<List<String>> corpus = new ArrayList<>();
        for (CommandSpec leaf : leaves) {
            corpus.addAll(KeyRequestCorpus.forCommand(leaf));
        }
        Set<String> withKeysInTable = new TreeSet<>();
        for (CommandSpec leaf : leaves) {
            // Shard channels (SPUBLISH, SSUBSCRIBE) have not_key specs: Redis reports no keys for them.
            if (leaf.keySpecs().stream().anyMatch(ks -> !ks.notKey())) {
                withKeysInTable.add(leaf.name());
            }
        }

        Set<String> withKeysSeen = compare(corpus);

        System.out.printf("key extraction corpus: %d requests over %d commands/subcommands; %d of %d with key "
                        + "specs naming keys had keys found by Redis and by us%n", corpus.size(), leaves.size(),
                withKeysSeen.size(), withKeysInTable.size());
        assertThat(withKeysSeen).containsExactlyInAnyOrderElementsOf(withKeysInTable);
    }

    @Test
    void shouldFindTheSameKeysAsRedisForTheSpecialForms() throws IOException {
        List<List<String>> corpus = KeyRequestCorpus.specialForms();
        Set<String> seen = compare(corpus);
        System.out.printf("special forms: %d requests, %d commands with keys%n", corpus.size(), seen.size());
        assertThat(seen).contains("sort", "migrate", "eval", "xread", "xreadgroup", "georadius", "zunionstore",
                "object|encoding", "memory|usage", "lmpop", "bzmpop", "sintercard", "zintercard", "fcall");
    }

    /** Asserts every request agrees with the server; returns the commands for which keys were found. */
    private Set<String> compare(List<List<String>> corpus) throws IOException {
        List<List<String>> answers = connection.getKeys(corpus);
        long answeredWithKeys = answers.stream().filter(a -> a != null && !a.isEmpty()).count();
        System.out.printf("%d of %d requests have keys per COMMAND GETKEYS%n", answeredWithKeys, corpus.size());
        Set<String> withKeys = new LinkedHashSet<>();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            List<String> args = corpus.get(i);
            List<String> expected = answers.get(i) == null ? List.of() : answers.get(i);
            RespRequest request = RespRequest.of(args.toArray(String[]::new));
            try {
                CommandSpec spec = table.resolve(request);
                List<String> ours = spec == null ? List.of()
                        : Arrays.stream(table.lookup(request).keyIndexes(request))
                                .mapToObj(request::argString).toList();
                if (!ours.equals(expected)) {
                    mismatches.add(args + " redis=" + expected + " ours=" + ours);
                } else if (!ours.isEmpty()) {
                    withKeys.add(spec.name());
                }
            } finally {
                request.release();
            }
        }
        assertThat(mismatches).as("requests whose keys differ from COMMAND GETKEYS").isEmpty();
        return withKeys;
    }
}

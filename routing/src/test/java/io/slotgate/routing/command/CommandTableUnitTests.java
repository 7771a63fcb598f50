package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTableUnitTests {

    private final CommandTable table = CommandTable.redis70();

    @Test
    void shouldHoldEveryRedis70CommandAndSubcommand() {
        assertThat(table.size()).isEqualTo(240); // COMMAND COUNT of redis-server 7.0.15
        assertThat(table.commands()).hasSize(240);
        long subcommands = table.commands().stream().mapToLong(c -> c.subcommands().size()).sum();
        assertThat(subcommands).isEqualTo(126);
        assertThat(table.lookup("xreadgroup")).isNotNull();
        assertThat(table.lookup("fcall_ro")).isNotNull();
    }

    @Test
    void shouldDescribeGetAndSet() {
        CommandSpec get = table.lookup("get");
        assertThat(get.name()).isEqualTo("get");
        assertThat(get.arity()).isEqualTo(2);
        assertThat(get.flags()).containsExactlyInAnyOrder(CommandFlag.READONLY, CommandFlag.FAST);
        assertThat(get.aclCategories()).containsExactlyInAnyOrder("read", "string", "fast");
        assertThat(new int[] {get.firstKey(), get.lastKey(), get.keyStep()}).containsExactly(1, 1, 1);
        assertThat(get.keySpecs()).singleElement().satisfies(spec -> {
            assertThat(spec.flags()).containsExactlyInAnyOrder("RO", "access");
            assertThat(spec.beginSearch()).isEqualTo(KeySpec.BeginSearch.index(1));
            assertThat(spec.findKeys()).isEqualTo(KeySpec.FindKeys.range(0, 1, 0));
        });

        CommandSpec set = table.lookup("SET");
        assertThat(set.arity()).isEqualTo(-3);
        assertThat(set.has(CommandFlag.WRITE)).isTrue();
        assertThat(set.has(CommandFlag.DENYOOM)).isTrue();
        assertThat(set.has(CommandFlag.READONLY)).isFalse();
    }

    @Test
    void shouldDescribeClusterNodesAsASubcommand() {
        CommandSpec cluster = table.lookup("cluster");
        assertThat(cluster.isContainer()).isTrue();
        assertThat(cluster.subcommands()).containsKeys("nodes", "slots", "setslot", "addslots", "info");

        CommandSpec nodes = table.lookup("CLUSTER|NODES");
        assertThat(nodes).isSameAs(cluster.subcommands().get("nodes"));
        assertThat(nodes.name()).isEqualTo("cluster|nodes");
        assertThat(nodes.arity()).isEqualTo(2);
        assertThat(nodes.flags()).containsExactly(CommandFlag.STALE);
        assertThat(nodes.keySpecs()).isEmpty();
    }

    @Test
    void shouldCheckArity() {
        CommandSpec get = table.lookup("get");
        assertThat(get.arityOk(2)).isTrue();
        assertThat(get.arityOk(1)).isFalse();
        assertThat(get.arityOk(3)).isFalse();
        CommandSpec mset = table.lookup("mset");
        assertThat(mset.arity()).isEqualTo(-3);
        assertThat(mset.arityOk(2)).isFalse();
        assertThat(mset.arityOk(3)).isTrue();
        assertThat(mset.arityOk(7)).isTrue();
    }

    @Test
    void shouldLookUpRequestsInAnyCase() {
        for (String name : new String[] {"get", "GET", "gEt"}) {
            RespRequest request = RespRequest.of(name, "k");
            try {
                assertThat(table.lookup(request)).isSameAs(table.lookup("get"));
            } finally {
                request.release();
            }
        }
        assertThat(table.lookup("Cluster|Nodes")).isSameAs(table.lookup("cluster|nodes"));
        assertThat(table.lookup("nosuchcommand")).isNull();
        assertThat(table.lookup("cluster|nosuch")).isNull();
        assertThat(table.lookup("get|x")).isNull();
        withRequest(new String[] {"NOSUCH", "x"}, r -> assertThat(table.lookup(r)).isNull());
        withRequest(new String[] {"ge"}, r -> assertThat(table.lookup(r)).isNull());
    }

    @Test
    void shouldFindEveryCommandAndSubcommandByItsOwnName() {
        for (CommandSpec c : table.commands()) {
            withRequest(new String[] {c.name().toUpperCase()}, r -> assertThat(table.lookup(r)).isSameAs(c));
            for (CommandSpec sub : c.subcommands().values()) {
                String[] parts = sub.name().split("\\|");
                assertThat(table.lookup(sub.name())).isSameAs(sub);
                withRequest(new String[] {parts[0], parts[1].toUpperCase()},
                        r -> assertThat(table.resolve(r)).isSameAs(sub));
            }
        }
    }

    @Test
    void shouldResolveContainerSubcommands() {
        withRequest(new String[] {"cluster", "NODES"},
                r -> assertThat(table.resolve(r)).isSameAs(table.lookup("cluster|nodes")));
        withRequest(new String[] {"CLUSTER", "bogus"},
                r -> assertThat(table.resolve(r)).isSameAs(table.lookup("cluster")));
        withRequest(new String[] {"CLUSTER"}, r -> assertThat(table.resolve(r)).isSameAs(table.lookup("cluster")));
        withRequest(new String[] {"GET", "nodes"}, r -> assertThat(table.resolve(r)).isSameAs(table.lookup("get")));
        withRequest(new String[] {"nosuch"}, r -> assertThat(table.resolve(r)).isNull());
    }

    @Test
    void shouldExtractKeysOfTheCommonForms() {
        assertThat(keys("GET", "k")).containsExactly("k");
        assertThat(keys("MSET", "a", "1", "b", "2")).containsExactly("a", "b");
        assertThat(keys("DEL", "a", "b", "c")).containsExactly("a", "b", "c");
        assertThat(keys("OBJECT", "ENCODING", "k")).containsExactly("k");
        assertThat(keys("MEMORY", "USAGE", "k", "SAMPLES", "5")).containsExactly("k");
        assertThat(keys("EVAL", "return 1", "2", "a", "b", "x")).containsExactly("a", "b");
        assertThat(keys("FCALL", "f", "1", "a", "x")).containsExactly("a");
        assertThat(keys("ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2")).containsExactly("d", "a", "b");
        assertThat(keys("ZINTER", "2", "a", "b")).containsExactly("a", "b");
        assertThat(keys("LMPOP", "2", "a", "b", "LEFT")).containsExactly("a", "b");
        assertThat(keys("BZMPOP", "0", "1", "a", "MIN")).containsExactly("a");
        assertThat(keys("XREAD", "COUNT", "2", "STREAMS", "s1", "s2", "0", "0")).containsExactly("s1", "s2");
        assertThat(keys("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">")).containsExactly("s");
        assertThat(keys("SORT", "k", "BY", "w_*", "LIMIT", "0", "1", "STORE", "d")).containsExactly("k", "d");
        assertThat(keys("MIGRATE", "h", "1", "k", "0", "10")).containsExactly("k");
        assertThat(keys("MIGRATE", "h", "1", "", "0", "10", "COPY", "KEYS", "a", "b")).containsExactly("a", "b");
        assertThat(keys("GEORADIUS", "g", "0", "0", "1", "km", "STORE", "d")).containsExactly("g", "d");
    }

    @Test
    void shouldReturnNoKeysForMalformedOrKeylessRequests() {
        assertThat(keys("GET")).isEmpty();
        assertThat(keys("GET", "a", "b")).isEmpty();
        assertThat(keys("EVAL", "s", "5", "a")).isEmpty();
        assertThat(keys("EVAL", "s", "-1", "a")).isEmpty();
        assertThat(keys("EVAL", "s", "x", "a")).isEmpty();
        assertThat(keys("ZUNION", "0", "a")).isEmpty();
        assertThat(keys("XREAD", "STREAMS", "a")).isEmpty();
        assertThat(keys("OBJECT", "nosuch", "k")).isEmpty();
        assertThat(keys("OBJECT")).isEmpty();
        assertThat(keys("PING")).isEmpty();
        assertThat(keys("CLUSTER", "NODES")).isEmpty();
    }

    @Test
    void shouldRouteShardChannelsLikeKeysWhileReportingNoKeys() {
        assertThat(keys("SPUBLISH", "ch", "m")).isEmpty();
        assertThat(slotArguments("SPUBLISH", "ch", "m")).containsExactly("ch");
        assertThat(slotArguments("SSUBSCRIBE", "a", "b")).containsExactly("a", "b");
        assertThat(slotArguments("SUNSUBSCRIBE")).isEmpty();
        assertThat(slotArguments("SPUBLISH", "ch")).isEmpty();
        assertThat(slotArguments("MSET", "a", "1", "b", "2")).containsExactly("a", "b");
        assertThat(slotArguments("PUBLISH", "ch", "m")).isEmpty();
    }

    @Test
    void shouldLookUpWithoutAllocating() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        RespRequest request = RespRequest.of("ZrangeByScore", "k", "0", "1");
        RespRequest sub = RespRequest.of("cluster", "Nodes");
        try {
            CommandSpec expected = table.lookup("zrangebyscore");
            for (int i = 0; i < 20_000; i++) { // warm up so that class loading is not counted
                table.lookup(request);
                table.resolve(sub);
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            int found = 0;
            for (int i = 0; i < 100_000; i++) {
                found += table.lookup(request) == expected ? 1 : 0;
                found += table.resolve(sub).arity() == 2 ? 1 : 0;
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertThat(found).isEqualTo(200_000);
            // A few hundred bytes of slack for the measurement itself; one allocation per lookup would be MBs.
            assertThat(allocated).isLessThan(4096);
        } finally {
            request.release();
            sub.release();
        }
    }

    private String[] slotArguments(String... args) {
        RespRequest request = RespRequest.of(args);
        try {
            CommandSpec spec = table.lookup(request);
            return Arrays.stream(spec.slotIndexes(request)).mapToObj(request::argString).toArray(String[]::new);
        } finally {
            request.release();
        }
    }

    private String[] keys(String... args) {
        RespRequest request = RespRequest.of(args);
        try {
            CommandSpec spec = table.lookup(request);
            return Arrays.stream(spec.keyIndexes(request)).mapToObj(request::argString).toArray(String[]::new);
        } finally {
            request.release();
        }
    }

    private static void withRequest(String[] args, java.util.function.Consumer<RespRequest> check) {
        RespRequest request = RespRequest.of(args);
        try {
            check.accept(request);
        } finally {
            request.release();
        }
    }
}

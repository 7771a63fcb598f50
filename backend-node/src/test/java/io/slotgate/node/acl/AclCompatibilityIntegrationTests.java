package io.slotgate.node.acl;

import io.slotgate.node.testsupport.CommandLines;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.node.testsupport.RedisReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACL users, AUTH and permission errors compared byte for byte with a real redis-server 7.0. A line "2> ..."
 * runs on a second connection of each server (opened when first used, so it can AUTH as another user);
 * a leading "~" compares an array reply regardless of order. Each family starts by deleting its users.
 */
class AclCompatibilityIntegrationTests {

    private static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("setuser, getuser, list", List.of(
                "ACL DELUSER alice bob",
                "ACL SETUSER alice on >pw ~foo* &ch +get +@hash -hset +config|get",
                "ACL GETUSER alice",
                "ACL LIST",
                "ACL SETUSER bob",
                "ACL GETUSER bob",
                "ACL SETUSER bob +get -get +@all -set +set",
                "ACL GETUSER bob",
                "ACL SETUSER bob resetkeys %R~r* %W~w* ~x nopass",
                "ACL LIST",
                "ACL SETUSER bob reset",
                "ACL GETUSER bob",
                "ACL SETUSER bob +@all -@dangerous",
                "ACL GETUSER bob",
                "ACL SETUSER bob -@all +@read -@hash",
                "ACL GETUSER bob",
                "ACL SETUSER bob nocommands +select|0",
                "ACL GETUSER bob",
                "ACL USERS",
                "ACL WHOAMI",
                "ACL GETUSER nosuch",
                "ACL DELUSER alice bob nosuch",
                "ACL USERS"));
        CASES.put("setuser errors", List.of(
                "ACL DELUSER x",
                "ACL SETUSER x +nosuch",
                "ACL SETUSER x +@nosuch",
                "ACL SETUSER x bogus",
                "ACL SETUSER x #abc",
                "ACL SETUSER x <neverset",
                "ACL SETUSER x allkeys ~foo",
                "ACL SETUSER x allchannels &foo",
                "ACL SETUSER x +config|",
                "ACL SETUSER x +config|get|x",
                "ACL SETUSER x +config|nosuch",
                "ACL USERS",
                "ACL DELUSER default",
                "ACL DELUSER",
                "ACL GETUSER",
                "ACL NOSUCH",
                "ACL GENPASS 0",
                "ACL GENPASS 5000",
                "ACL GENPASS abc",
                "ACL CAT",
                "~ACL CAT hash",
                "~ACL CAT admin",
                "ACL CAT nosuch",
                "ACL LOAD",
                "ACL SAVE",
                "ACL LOG RESET",
                "ACL LOG 0",
                "ACL LOG x",
                "ACL LOG RESET x"));
        CASES.put("command and key permissions", List.of(
                "ACL DELUSER carol",
                "ACL SETUSER carol on >pw ~a* -@all +get +set +config|get",
                "2> AUTH carol wrong",
                "2> AUTH nosuch pw",
                "2> AUTH carol pw",
                "2> ACL WHOAMI",
                "2> GET a1",
                "2> SET a1 v",
                "2> GET a1",
                "2> GET b1",
                "2> DEL a1",
                "2> CONFIG SET maxclients 10",
                "2> MSET a1 1 b1 2",
                "ACL SETUSER carol +mset",
                "2> MSET a1 1 b1 2",
                "2> MSET a1 1 a2 2",
                "2> PUBLISH ch x",
                "ACL SETUSER carol +publish",
                "2> PUBLISH ch x",
                "ACL SETUSER carol &c*",
                "2> PUBLISH ch x",
                "2> MULTI",
                "2> GET a1",
                "2> DEL a1",
                "2> EXEC",
                "ACL SETUSER carol off",
                "2> GET a1",
                "2> AUTH carol pw",
                "ACL DELUSER carol"));
        CASES.put("dryrun", List.of(
                "ACL DELUSER dry",
                "ACL SETUSER dry on nopass ~a* &c* -@all +get +publish",
                "ACL DRYRUN dry get a1",
                "ACL DRYRUN dry get b1",
                "ACL DRYRUN dry set a1 v",
                "ACL DRYRUN dry publish x m",
                "ACL DRYRUN dry publish cx m",
                "ACL DRYRUN nosuch get a",
                "ACL DRYRUN dry nosuchcmd a",
                "ACL DRYRUN dry get",
                "ACL DRYRUN dry config get x",
                "ACL DRYRUN dry",
                "ACL DELUSER dry"));
        CASES.put("read and write key patterns", List.of(
                "ACL DELUSER dave",
                "ACL SETUSER dave on nopass %R~r* %W~w* +@all",
                "2> AUTH dave anything",
                "2> GET r1",
                "2> SET r1 v",
                "2> SET w1 v",
                "2> SET w1 v GET",
                "2> GET w1",
                "2> DEL w1",
                "2> DEL r1",
                "ACL DELUSER dave"));
        CASES.put("requirepass is the default user's password", List.of(
                "CONFIG SET requirepass secret",
                "ACL GETUSER default",
                "2> GET a",
                "2> AUTH wrong",
                "2> AUTH secret",
                "2> GET a",
                "3> AUTH default secret",
                "3> ACL WHOAMI",
                "4> HELLO 2 AUTH default wrong",
                "4> GET a",
                "ACL SETUSER default resetpass nopass",
                "CONFIG SET requirepass ''",
                "ACL GETUSER default",
                "5> AUTH x",
                "5> AUTH default anything",
                "5> GET a"));
    }

    private static RedisReference redis;
    private static NodeHarness node;

    @BeforeAll
    static void start() {
        redis = RedisReference.start();
        node = NodeHarness.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerAclCommandsLikeRedis() {
        return CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> runFamily(e.getValue())));
    }

    private static void runFamily(List<String> lines) {
        Map<String, RawRespClient[]> conns = new HashMap<>();
        try {
            List<String> mismatches = new ArrayList<>();
            for (String raw : lines) {
                String conn = "1";
                String line = raw;
                int gt = raw.indexOf("> ");
                if (gt > 0 && gt <= 2) {
                    conn = raw.substring(0, gt);
                    line = raw.substring(gt + 2);
                }
                RawRespClient[] pair = conns.computeIfAbsent(conn, k -> new RawRespClient[] {
                        redis.connect(), node.connect()});
                String[] args = CommandLines.args(line);
                String mismatch = CommandLines.mismatch(raw, singleRulesSorted(pair[0].call(args)),
                        singleRulesSorted(pair[1].call(args)), CommandLines.unordered(line));
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            assertThat(mismatches).as("replies that differ from redis-server").isEmpty();
        } finally {
            conns.values().forEach(p -> {
                p[0].close();
                p[1].close();
            });
        }
    }


    /**
     * Command rules ("-@all +@hash -hset +get") with the single-command rules after the last category sorted:
     * Redis lists those in its hash-table order, which is not part of the contract.
     */
    private static String singleRulesSorted(String reply) {
        StringBuilder out = new StringBuilder();
        for (String line : reply.split("\r\n", -1)) {
            int at = line.indexOf("@all");
            if (at > 0 && (line.charAt(at - 1) == '+' || line.charAt(at - 1) == '-')) {
                String[] tokens = line.split(" ");
                int firstSingle = tokens.length;
                for (int i = tokens.length - 1; i >= 0 && !tokens[i].startsWith("+@") && !tokens[i].startsWith("-@"); i--) {
                    firstSingle = i;
                }
                List<String> head = new ArrayList<>(List.of(tokens).subList(0, firstSingle));
                List<String> tail = new ArrayList<>(List.of(tokens).subList(firstSingle, tokens.length));
                tail.sort(null);
                head.addAll(tail);
                line = String.join(" ", head);
            }
            out.append(line).append("\r\n");
        }
        return out.substring(0, out.length() - 2);
    }
}

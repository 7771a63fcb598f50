package io.slotgate.proxy;

import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LocalCommandsIntegrationTests {

    /** Why the script tests run against Redis only. */
    private static final String NO_SCRIPTING = "our backend node has no scripting (EVAL, EVALSHA, SCRIPT)";

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ProxyUnderTest env;
    private RedisServerProcess plainRedis;

    @BeforeAll
    void start() {
        env = ProxyUnderTest.start(backend(), 0, c -> c, p -> p);
        plainRedis = RedisServerProcess.standalone();
    }

    @AfterAll
    void stop() {
        if (plainRedis != null) {
            plainRedis.close();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void shouldAnswerConnectionCommandsItself() {
        try (RespConnection c = env.connect()) {
            assertThat(c.call("PING")).isEqualTo("PONG");
            assertThat(RespConnection.text(c.call("PING", "hi"))).isEqualTo("hi");
            assertThat(RespConnection.text(c.call("ECHO", "hello"))).isEqualTo("hello");
            assertThat(c.call("SELECT", "0")).isEqualTo("OK");
            assertThat(c.call("SELECT", "1")).isInstanceOf(RespError.class);
            assertThat(c.call("HELLO", "3")).isEqualTo(new RespError("NOPROTO sorry, this protocol version is not supported"));
            List<?> hello = (List<?>) c.call("HELLO", "2");
            assertThat(RespConnection.text(hello.get(0))).isEqualTo("server");
            assertThat(hello.get(5)).isEqualTo(2L);
            assertThat(c.call("CLIENT", "GETNAME")).isNull();
            assertThat(c.call("CLIENT", "SETNAME", "worker-1")).isEqualTo("OK");
            assertThat(RespConnection.text(c.call("CLIENT", "GETNAME"))).isEqualTo("worker-1");
            assertThat(c.call("CLIENT", "ID")).isInstanceOf(Long.class);
        }
    }

    @Test
    void shouldForwardCommandIntrospectionToTheCluster() {
        Object count;
        try (RespConnection node = env.cluster.connect(0)) {
            count = node.call("COMMAND", "COUNT");
        }
        try (RespConnection c = env.connect()) {
            assertThat(c.call("COMMAND", "COUNT")).isEqualTo(count);
            assertThat((List<?>) c.call("COMMAND", "INFO", "get")).hasSize(1);
        }
    }

    @Test
    void shouldRunScriptsOnTheShardOfTheirKeys() {
        assumeTrue(backend() == BackendKind.REDIS, NO_SCRIPTING);
        try (RespConnection c = env.connect()) {
            assertThat(c.call("SET", "script:key", "42")).isEqualTo("OK");
            assertThat(RespConnection.text(c.call("EVAL", "return redis.call('GET', KEYS[1])", "1", "script:key")))
                    .isEqualTo("42");
            assertThat(c.call("EVAL", "return 7", "0")).isEqualTo(7L);
            assertThat(c.call("EVAL", "return 1", "2", "a", "b")).isEqualTo(
                    new RespError("CROSSSLOT Keys in request don't hash to the same slot"));
        }
    }

    @Test
    void shouldLoadScriptsOnEveryMasterSoEvalshaWorksForAnyKey() {
        assumeTrue(backend() == BackendKind.REDIS, NO_SCRIPTING);
        try (RespConnection c = env.connect()) {
            String sha = RespConnection.text(c.call("SCRIPT", "LOAD", "return redis.call('INCR', KEYS[1])"));
            for (String master : env.cluster.addresses()) {
                String key = ClusterProbe.keyServedBy(env.cluster.port(0), master, "sha:");
                assertThat(c.call("EVALSHA", sha, "1", key)).isEqualTo(1L);
            }
            assertThat(c.call("SCRIPT", "EXISTS", sha, "0".repeat(40))).isEqualTo(List.of(1L, 0L));
            assertThat(c.call("SCRIPT", "FLUSH")).isEqualTo("OK");
            assertThat(c.call("EVALSHA", sha, "1", "sha:x")).isEqualTo(
                    new RespError("NOSCRIPT No matching script. Please use EVAL."));
        }
    }

    @Test
    void shouldSumDbsizeOverAllMasters() {
        try (RespConnection c = env.connect()) {
            long before = (Long) c.call("DBSIZE");
            for (int i = 0; i < 50; i++) {
                c.call("SET", "dbsize:" + i, "x");
            }
            assertThat(c.call("DBSIZE")).isEqualTo(before + 50);
        }
    }

    @Test
    void shouldDescribeItselfInInfo() {
        try (RespConnection c = env.connect()) {
            c.call("SET", "info:k", "v");
            c.call("GET", "info:k");
            String info = RespConnection.text(c.call("INFO"));
            assertThat(info).contains("# Proxy", "# Stats", "# Servers", "# Latency", "name:slotgate",
                    "worker_threads:1", "total_commands_processed:", "latency_get:calls=");
            for (String address : env.cluster.addresses()) {
                assertThat(info).contains("server:" + address + ",role=master");
            }
            String stats = RespConnection.text(c.call("INFO", "stats"));
            assertThat(stats).startsWith("# Stats").doesNotContain("# Proxy");
        }
    }

    @Test
    void shouldRefuseCommandsThatDoNotWorkThroughAProxy() {
        try (RespConnection c = env.connect()) {
            assertThat(c.call("CLUSTER", "NODES")).isEqualTo(new RespError("ERR CLUSTER is not supported by the proxy"));
            assertThat(c.call("KEYS", "*")).isEqualTo(new RespError("ERR KEYS is not supported by the proxy"));
            assertThat(c.call("WATCH", "k")).isEqualTo(new RespError("ERR WATCH is not supported by the proxy"));
            assertThat(c.call("SUBSCRIBE", "ch")).isEqualTo(new RespError("ERR SUBSCRIBE is not supported by the proxy"));
            assertThat(c.call("MONITOR")).isEqualTo(new RespError("ERR MONITOR is not supported by the proxy"));
            assertThat(c.call("WAIT", "1", "0")).isEqualTo(new RespError("ERR WAIT is not supported by the proxy"));
            assertThat(c.call("FLUSHALL")).isEqualTo(new RespError("ERR FLUSHALL is not supported by the proxy"));
            assertThat(c.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void shouldWordValidationErrorsExactlyAsRedis() {
        String[][] requests = {
                {"GET"}, {"GET", "a", "b"}, {"NOSUCHCOMMAND", "x", "y"}, {"nosuch"}, {"CLIENT"},
                {"CLIENT", "NOSUCH"}, {"SET", "k"}, {"MGET"}, {"MSET", "a"}, {"MSET", "a", "1", "b"},
                {"PING", "a", "b"}, {"ECHO"}, {"SELECT", "x"}, {"HELLO", "x"},
                {"HELLO", "2", "AUTH", "default"}, {"AUTH", "pw"}};
        try (RespConnection proxy = env.connect(); RespConnection redis = RespConnection.open(plainRedis.port())) {
            for (String[] request : requests) {
                assertThat(proxy.call(request)).as(String.join(" ", request)).isEqualTo(redis.call(request));
            }
        }
    }

    @Test
    void shouldAnswerBadInputWithAnErrorWhileOtherClientsCarryOn() throws Exception {
        try (RespConnection other = env.connect(); Socket bad = new Socket("127.0.0.1", env.proxy.port())) {
            assertThat(other.call("SET", "carry:on", "1")).isEqualTo("OK");
            OutputStream out = bad.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n*2\r\n$x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            bad.setSoTimeout(5000);
            InputStream in = bad.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("+PONG\r\n-ERR Protocol error: ");
            assertThat(RespConnection.text(other.call("GET", "carry:on"))).isEqualTo("1");
        }
    }
}

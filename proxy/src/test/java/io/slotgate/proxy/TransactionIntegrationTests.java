package io.slotgate.proxy;

import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MULTI/EXEC through the proxy behaves as on a single Redis when all keys share a slot. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionIntegrationTests {

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
    void shouldAnswerTransactionsExactlyAsRedis() {
        String[][] script = {
                {"MULTI"}, {"SET", "{t}a", "1"}, {"INCR", "{t}a"}, {"GET", "{t}a"}, {"EXEC"},
                {"MULTI"}, {"SET", "{t}s", "x"}, {"INCR", "{t}s"}, {"MGET", "{t}a", "{t}s"}, {"EXEC"},
                {"MULTI"}, {"EXEC"},
                {"MULTI"}, {"SET", "{t}a", "2"}, {"DISCARD"}, {"GET", "{t}a"},
                {"MULTI"}, {"NOSUCHCOMMAND"}, {"SET", "{t}a", "3"}, {"EXEC"}, {"GET", "{t}a"},
                {"MULTI"}, {"GET"}, {"EXEC"},
                {"MULTI"}, {"MULTI"}, {"WATCH", "{t}a"}, {"DISCARD"},
                {"EXEC"}, {"DISCARD"}, {"UNWATCH"}};
        try (RespConnection proxy = env.connect(); RespConnection redis = RespConnection.open(plainRedis.port())) {
            for (String[] command : script) {
                assertThat(describe(proxy.call(command))).as(String.join(" ", command))
                        .isEqualTo(describe(redis.call(command)));
            }
        }
    }

    @Test
    void shouldAbortATransactionWhoseKeysSpanSlots() {
        try (RespConnection c = env.connect()) {
            assertThat(c.call("MULTI")).isEqualTo("OK");
            assertThat(c.call("SET", "x:1", "1")).isEqualTo("QUEUED");
            assertThat(c.call("SET", "x:2", "2")).isEqualTo(
                    new RespError("CROSSSLOT Keys in request don't hash to the same slot"));
            assertThat(c.call("EXEC")).isEqualTo(
                    new RespError("EXECABORT Transaction discarded because of previous errors."));
            assertThat(c.call("GET", "x:1")).isNull();
        }
    }

    @Test
    void shouldKeepOtherClientsRequestsOutOfATransaction() {
        try (RespConnection a = env.connect(); RespConnection b = env.connect()) {
            for (int round = 0; round < 200; round++) {
                a.send("MULTI");
                a.send("SET", "{iso}k", "a" + round);
                b.send("SET", "{iso}k", "b" + round);
                a.send("GET", "{iso}k");
                a.send("EXEC");
                a.flush();
                b.flush();
                assertThat(a.read()).isEqualTo("OK");
                assertThat(a.read()).isEqualTo("QUEUED");
                assertThat(a.read()).isEqualTo("QUEUED");
                List<?> exec = (List<?>) a.read();
                assertThat(RespConnection.text(exec.get(1))).isEqualTo("a" + round);
                assertThat(b.read()).isEqualTo("OK");
            }
        }
    }

    private static Object describe(Object reply) {
        if (reply instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(describe(e)));
            return out;
        }
        return reply instanceof byte[] b ? RespConnection.text(b) : reply;
    }
}

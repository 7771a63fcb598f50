package io.slotgate.node.replication;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** A Lettuce connection to one test node, with a pipelined loader; close() frees it. */
final class ReplicaClient implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    ReplicaClient(int port) {
        client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(30)).build());
        connection = client.connect();
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    RedisAsyncCommands<String, String> async() {
        return connection.async();
    }

    /** Runs {@code n} commands pipelined in batches of 1000 and waits for all of them. */
    void pipeline(int n, BiFunction<RedisAsyncCommands<String, String>, Integer, RedisFuture<?>> command) {
        RedisAsyncCommands<String, String> async = connection.async();
        connection.setAutoFlushCommands(false);
        try {
            List<RedisFuture<?>> batch = new ArrayList<>(1000);
            for (int i = 0; i < n; i++) {
                batch.add(command.apply(async, i));
                if (batch.size() == 1000 || i == n - 1) {
                    connection.flushCommands();
                    for (RedisFuture<?> f : batch) {
                        f.get(30, TimeUnit.SECONDS);
                    }
                    batch.clear();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            connection.setAutoFlushCommands(true);
        }
    }

    /** One field of INFO, or null. */
    String info(String section, String field) {
        for (String line : sync().info(section).split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

package io.slotgate.node.cluster.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's redis-cli with a hard timeout; output goes through a file in the test's directory so a hung run
 * cannot block the test, and stdin carries {@code input} (redis-cli --cluster fix asks for a typed "yes").
 */
final class RedisCliRunner {

    private RedisCliRunner() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs redis-cli and asserts exit code 0; returns its output. */
    static String run(Path dir, long timeoutSec, String... args) throws IOException, InterruptedException {
        Result r = runWithInput(dir, timeoutSec, "", args);
        if (r.exitCode() != 0) {
            throw new AssertionError("redis-cli " + String.join(" ", args) + " exited with " + r.exitCode()
                    + "; output:\n" + r.output());
        }
        return r.output();
    }

    /** Runs redis-cli feeding {@code input} on stdin; the exit code is -1 when it had to be killed. */
    static Result runWithInput(Path dir, long timeoutSec, String input, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("redis-cli");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "redis-cli", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Result(-1, Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }
}

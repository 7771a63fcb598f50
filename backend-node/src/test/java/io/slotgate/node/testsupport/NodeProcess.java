package io.slotgate.node.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A node in its own JVM ({@link NodeMain}) on this build's class path; {@link #kill()} is kill -9. */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the node with {@code --port port --dir dir} plus the flags; waits until it listens. */
    public static NodeProcess start(int port, Path dir, String... flags) throws IOException {
        NodeProcess p = launch(port, dir, flags);
        p.awaitListening();
        return p;
    }

    /** Starts without waiting (for start-ups expected to fail). */
    public static NodeProcess launch(int port, Path dir, String... flags) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                NodeMain.class.getName(), "--bind", "127.0.0.1", "--port", String.valueOf(port), "--dir",
                dir.toString()));
        cmd.addAll(List.of(flags));
        Path log = dir.resolve("node-" + port + ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(process, port, log);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits until the node answers something other than LOADING. */
    public void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + port + " exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                try (RawRespClient c = RawRespClient.open(port)) {
                    if (!c.call("PING").startsWith("-LOADING")) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not yet
            }
            sleep(100);
        }
        throw new IllegalStateException("node " + port + " did not listen: " + log());
    }

    /** kill -9. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    public int waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}

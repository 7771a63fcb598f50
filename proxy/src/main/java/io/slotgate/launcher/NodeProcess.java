package io.slotgate.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One backend node running as a child JVM ({@code slotgate node ...}), so each node listens on its own ports
 * and can be killed on its own exactly as in a real deployment.
 */
final class NodeProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final Process process;

    private NodeProcess(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts {@code slotgate node} with the same class path as this JVM; its output goes to node.log in dir. */
    static NodeProcess start(int port, Path dir, List<String> extraArgs) throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SlotgateCli.class.getName());
        cmd.add("node");
        cmd.add("--port");
        cmd.add(String.valueOf(port));
        cmd.add("--bind");
        cmd.add("127.0.0.1");
        cmd.add("--dir");
        cmd.add(dir.toAbsolutePath().toString());
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()))
                .start();
        return new NodeProcess(port, dir, p);
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean acceptsConnections() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

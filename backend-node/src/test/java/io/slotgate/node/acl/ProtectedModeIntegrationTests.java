package io.slotgate.node.acl;

import io.slotgate.node.testsupport.NodeHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node bound to 0.0.0.0 without a password, reached once over loopback and once over another address of this
 * machine (a connection whose peer address is not loopback, like a remote client's).
 */
class ProtectedModeIntegrationTests {

    @Test
    void shouldServeLoopbackClientsInProtectedMode() throws IOException {
        try (NodeHarness node = NodeHarness.start("--bind", "0.0.0.0", "--cluster-enabled", "no")) {
            assertThat(ping(InetAddress.getLoopbackAddress(), node.port())).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldDenyNonLoopbackClientsInProtectedMode() throws IOException {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address");
        try (NodeHarness node = NodeHarness.start("--bind", "0.0.0.0", "--cluster-enabled", "no")) {
            String reply = ping(other.get(), node.port());

            assertThat(reply).isEqualTo("-" + ProtectedMode.DENIED + "\r\n");
        }
    }

    @Test
    void shouldServeNonLoopbackClientsWithAPasswordOrWithProtectedModeOff() throws IOException {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address");
        try (NodeHarness open = NodeHarness.start("--bind", "0.0.0.0", "--cluster-enabled", "no",
                "--protected-mode", "no");
             NodeHarness withPassword = NodeHarness.start("--bind", "0.0.0.0", "--cluster-enabled", "no",
                     "--requirepass", "pw")) {
            assertThat(ping(other.get(), open.port())).isEqualTo("+PONG\r\n");
            assertThat(ping(other.get(), withPassword.port())).startsWith("-NOAUTH");
        }
    }

    /** Sends PING from {@code from} to {@code from:port} and returns what the server wrote before closing. */
    private static String ping(InetAddress from, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(from, port), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                sb.append((char) b);
                if (sb.length() >= 2 && sb.charAt(sb.length() - 2) == '\r' && sb.charAt(sb.length() - 1) == '\n') {
                    break;
                }
            }
            return sb.toString();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}

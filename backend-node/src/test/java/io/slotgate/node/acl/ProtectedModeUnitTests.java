package io.slotgate.node.acl;

import io.slotgate.node.command.Commands;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectedModeUnitTests {

    private static final AclCommandTable TABLE = new AclCommandTable(Commands.registry());
    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.7", 50000);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress LOOPBACK6 = new InetSocketAddress("::1", 50000);

    @Test
    void shouldRefuseRemoteClientsWhenTheDefaultUserHasNoPassword() {
        AclUsers users = new AclUsers(TABLE, null);

        assertThat(ProtectedMode.refuses(true, users, REMOTE)).isTrue();
        assertThat(ProtectedMode.refuses(true, users, LOOPBACK)).isFalse();
        assertThat(ProtectedMode.refuses(true, users, LOOPBACK6)).isFalse();
    }

    @Test
    void shouldAcceptRemoteClientsOnceAPasswordIsSetOrProtectedModeIsOff() {
        AclUsers withPassword = new AclUsers(TABLE, "secret");
        AclUsers open = new AclUsers(TABLE, null);

        assertThat(ProtectedMode.refuses(true, withPassword, REMOTE)).isFalse();
        assertThat(ProtectedMode.refuses(false, open, REMOTE)).isFalse();
        open.setDefaultPassword("later");
        assertThat(ProtectedMode.refuses(true, open, REMOTE)).isFalse();
    }
}

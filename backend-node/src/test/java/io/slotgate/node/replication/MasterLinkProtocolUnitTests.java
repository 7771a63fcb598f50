package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotgate.routing.resp.RespRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica's side of the link, fed byte by byte: handshake order, PSYNC reply, both snapshot forms, stream. */
class MasterLinkProtocolUnitTests {

    private static final String ID = "0123456789abcdef0123456789abcdef01234567";

    private static final class Recorder implements MasterLinkListener {
        final List<String> events = new ArrayList<>();
        final List<String> commands = new ArrayList<>();
        final List<Integer> commandSizes = new ArrayList<>();
        String snapshot;

        @Override
        public String[] psyncArguments() {
            return new String[]{"?", "-1"};
        }

        @Override
        public void onFullResync(MasterLink link, String replid, long offset) {
            events.add("full " + replid + " " + offset);
        }

        @Override
        public void onContinue(MasterLink link, String replid) {
            events.add("continue " + replid);
        }

        @Override
        public void onSnapshot(MasterLink link, ByteBuf rdb) {
            snapshot = rdb.toString(StandardCharsets.US_ASCII);
            rdb.release();
        }

        @Override
        public void onCommand(MasterLink link, RespRequest command) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < command.argCount(); i++) {
                sb.append(i == 0 ? "" : " ").append(command.argString(i));
            }
            commands.add(sb.toString());
            commandSizes.add(command.frame().readableBytes());
            command.release();
        }

        @Override
        public void onLinkDown(MasterLink link, String reason) {
            events.add("down");
        }
    }

    private static ReplicationOptions options(String auth) {
        return new ReplicationOptions(1024, auth, null, 7001, 10_000, 1_000, 60_000);
    }

    private static void feedByteByByte(EmbeddedChannel ch, String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[]{b}));
        }
    }

    private static String written(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return sb.toString();
    }

    @Test
    void shouldHandshakeThenLoadALengthPrefixedSnapshotAndStream() {
        Recorder r = new Recorder();
        MasterLink link = new MasterLink("127.0.0.1", 1, options("secret"), r);
        EmbeddedChannel ch = new EmbeddedChannel(link.newProtocol());
        assertThat(written(ch)).isEqualTo("*1\r\n$4\r\nPING\r\n");
        feedByteByByte(ch, "-NOAUTH Authentication required.\r\n");
        assertThat(written(ch)).isEqualTo("*2\r\n$4\r\nAUTH\r\n$6\r\nsecret\r\n"
                + "*3\r\n$8\r\nREPLCONF\r\n$14\r\nlistening-port\r\n$4\r\n7001\r\n"
                + "*5\r\n$8\r\nREPLCONF\r\n$4\r\ncapa\r\n$3\r\neof\r\n$4\r\ncapa\r\n$6\r\npsync2\r\n");
        feedByteByByte(ch, "+OK\r\n+OK\r\n-ERR unknown\r\n");
        assertThat(written(ch)).isEqualTo("*3\r\n$5\r\nPSYNC\r\n$1\r\n?\r\n$2\r\n-1\r\n");
        feedByteByByte(ch, "\n+FULLRESYNC " + ID + " 5\r\n\n$9\r\nREDIS0010*1\r\n$4\r\nPING\r\n"
                + "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n");
        assertThat(r.events).containsExactly("full " + ID + " 5");
        assertThat(r.snapshot).isEqualTo("REDIS0010");
        assertThat(r.commands).containsExactly("PING", "SET k v");
        assertThat(r.commandSizes).containsExactly(14, 27);
        assertThat(link.isUp()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldReadADisklessSnapshotUpToItsEndMark() {
        Recorder r = new Recorder();
        MasterLink link = new MasterLink("127.0.0.1", 1, options(null), r);
        EmbeddedChannel ch = new EmbeddedChannel(link.newProtocol());
        written(ch);
        feedByteByByte(ch, "+PONG\r\n+OK\r\n+OK\r\n");
        written(ch);
        String mark = "m".repeat(40);
        feedByteByByte(ch, "+FULLRESYNC " + ID + " 0\r\n$EOF:" + mark + "\r\nRDB");
        // the rest arrives in one read, the stream right behind the mark
        ch.writeInbound(Unpooled.copiedBuffer("DATA" + mark + "*1\r\n$4\r\nPING\r\n", StandardCharsets.US_ASCII));
        assertThat(r.snapshot).isEqualTo("RDBDATA");
        assertThat(r.commands).containsExactly("PING");
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldContinueWithoutASnapshot() {
        Recorder r = new Recorder();
        MasterLink link = new MasterLink("127.0.0.1", 1, options(null), r);
        EmbeddedChannel ch = new EmbeddedChannel(link.newProtocol());
        written(ch);
        feedByteByByte(ch, "+PONG\r\n+OK\r\n+OK\r\n");
        written(ch);
        feedByteByByte(ch, "+CONTINUE " + ID + "\r\n*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n");
        assertThat(r.events).containsExactly("continue " + ID);
        assertThat(r.commands).containsExactly("SELECT 0");
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldCloseOnAFailedAuth() {
        Recorder r = new Recorder();
        MasterLink link = new MasterLink("127.0.0.1", 1, options("wrong"), r);
        EmbeddedChannel ch = new EmbeddedChannel(link.newProtocol());
        written(ch);
        feedByteByByte(ch, "+PONG\r\n-WRONGPASS invalid username-password pair\r\n");
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }
}

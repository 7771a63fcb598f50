package io.slotgate.node.persistence.aof;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AofReaderUnitTests {

    private static final String SET_A = "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n";
    private static final String MULTI = "*1\r\n$5\r\nMULTI\r\n";
    private static final String EXEC = "*1\r\n$4\r\nEXEC\r\n";

    private static List<String> read(String text) throws Exception {
        List<String> out = new ArrayList<>();
        new AofReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))
                .readAll(args -> out.add(String.join(" ", java.util.Arrays.stream(args)
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1)).toList())));
        return out;
    }

    private static AofFormatException failure(String text) {
        return catchThrowableOfType(() -> read(text), AofFormatException.class);
    }

    @Test
    void shouldReadEveryCommandWithBinaryArguments() throws Exception {
        assertThat(read(SET_A + "*2\r\n$3\r\nDEL\r\n$4\r\na\r\nb\r\n")).containsExactly("SET a 1", "DEL a\r\nb");
        assertThat(read("")).isEmpty();
    }

    @Test
    void shouldReportACutCommandAsTruncatedWithTheEndOfTheLastCompleteOne() {
        AofFormatException e = failure(SET_A + SET_A.substring(0, 20));
        assertThat(e.truncated()).isTrue();
        assertThat(e.validEnd()).isEqualTo(SET_A.length());
        assertThat(e.offset()).isEqualTo(SET_A.length() + 20);
    }

    @Test
    void shouldKeepOnlyThePrefixBeforeAnUnfinishedTransaction() {
        AofFormatException e = failure(SET_A + MULTI + SET_A);
        assertThat(e.truncated()).isTrue();
        assertThat(e.validEnd()).isEqualTo(SET_A.length());
    }

    @Test
    void shouldCountAFinishedTransactionAsComplete() throws Exception {
        assertThat(read(SET_A + MULTI + SET_A + EXEC)).hasSize(4);
        AofFormatException e = failure(SET_A + MULTI + SET_A + EXEC + "*3\r\n$3");
        assertThat(e.validEnd()).isEqualTo(SET_A.length() * 2L + MULTI.length() + EXEC.length());
    }

    @Test
    void shouldReportGarbageAsCorruptAtItsOffset() {
        AofFormatException e = failure(SET_A + "hello\r\n");
        assertThat(e.truncated()).isFalse();
        assertThat(e.offset()).isEqualTo(SET_A.length());
        assertThat(e.validEnd()).isEqualTo(SET_A.length());
        assertThat(failure("*2\r\n$3\r\nGET\r\n$x\r\n").truncated()).isFalse();
        assertThat(failure("*1\r\n$3\r\nGETX\r\n").truncated()).isFalse();
    }
}

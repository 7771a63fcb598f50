package io.slotgate.node.command;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** SCAN walks every partition: a full iteration returns every key, with MATCH, TYPE and COUNT honoured. */
class KeyspaceScanIntegrationTests {

    @Test
    void shouldReturnEveryKeyOverAFullScan() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient c = node.connect()) {
            for (int i = 0; i < 1000; i++) {
                c.send("SET", "key:" + i, "v");
            }
            c.send("RPUSH", "list:1", "x");
            for (int i = 0; i < 1001; i++) {
                c.read();
            }
            assertThat(scanAll(c, "COUNT", "37")).hasSize(1001);
            assertThat(scanAll(c, "MATCH", "key:1*", "COUNT", "100")).hasSize(111);
            assertThat(scanAll(c, "TYPE", "list")).containsExactly("list:1");
        }
    }

    private static Set<String> scanAll(RawRespClient c, String... options) {
        Set<String> keys = new HashSet<>();
        String cursor = "0";
        do {
            String[] args = new String[2 + options.length];
            args[0] = "SCAN";
            args[1] = cursor;
            System.arraycopy(options, 0, args, 2, options.length);
            String[] lines = c.call(args).split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.length; i += 2) {
                keys.add(lines[i]);
            }
        } while (!cursor.equals("0"));
        return keys;
    }
}

package io.slotgate.launcher;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDefaultsUnitTests {

    private static final Path LOCAL_CONF = Path.of("..", "conf", "local.conf");

    @Test
    void shouldTakeEveryDefaultOfSlotgateLocalFromConfLocalConf() {
        LocalLauncher local = new LocalLauncher();
        new CommandLine(local).setDefaultValueProvider(new LocalDefaults(LOCAL_CONF)).parseArgs();
        assertThat(local.basePort).isEqualTo(7000);
        assertThat(local.proxyPort).isEqualTo(7617);
        assertThat(local.masters).isEqualTo(3);
        assertThat(local.replicas).isEqualTo(1);
        assertThat(local.dir).isEqualTo(Path.of("data/local"));
        assertThat(local.nodeTimeout).isEqualTo(5000);
        assertThat(local.appendonly).isEqualTo("yes"); // issue 6: AOF on by default in local mode
    }

    @Test
    void shouldLetFlagsOverrideTheFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("local.conf");
        Files.writeString(conf, "local { base-port = 7100, masters = 2 }");
        LocalLauncher local = new LocalLauncher();
        new CommandLine(local).setDefaultValueProvider(new LocalDefaults(conf)).parseArgs("--masters", "4");
        assertThat(local.basePort).isEqualTo(7100);
        assertThat(local.masters).isEqualTo(4);
        assertThat(local.proxyPort).isEqualTo(7617);
    }

    @Test
    void shouldKeepBuiltInDefaultsWithoutAFile(@org.junit.jupiter.api.io.TempDir Path tmp) {
        LocalLauncher local = new LocalLauncher();
        new CommandLine(local).setDefaultValueProvider(new LocalDefaults(tmp.resolve("missing.conf"))).parseArgs();
        assertThat(local.basePort).isEqualTo(7000);
        assertThat(local.appendonly).isEqualTo("yes");
    }
}

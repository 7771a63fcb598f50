package io.slotgate.launcher;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class NettyDefaultsUnitTests {

    @Test
    void shouldDisableLeakDetectionAndRecyclerWhenNothingIsSet() {
        Properties props = new Properties();

        NettyDefaults.apply(props);

        assertThat(props.getProperty("io.netty.leakDetection.level")).isEqualTo("disabled");
        assertThat(props.getProperty("io.netty.recycler.maxCapacityPerThread")).isEqualTo("0");
    }

    @Test
    void shouldKeepWhatTheCommandLineSet() {
        Properties props = new Properties();
        props.setProperty("io.netty.leakDetection.level", "paranoid");

        NettyDefaults.apply(props);

        assertThat(props.getProperty("io.netty.leakDetection.level")).isEqualTo("paranoid");
        assertThat(props.getProperty("io.netty.recycler.maxCapacityPerThread")).isEqualTo("0");
    }
}

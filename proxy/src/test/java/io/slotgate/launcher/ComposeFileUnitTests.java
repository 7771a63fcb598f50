package io.slotgate.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on our machines, so docker-compose.yml and the Dockerfile are checked for agreement with
 * the launcher, conf/ and the README instead of being run.
 */
class ComposeFileUnitTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String name) {
        return (List<String>) service(name).get("command");
    }

    private static List<String> nodeServices() {
        List<String> nodes = new ArrayList<>();
        for (String name : services.keySet()) {
            if (name.startsWith("node")) {
                nodes.add(name);
            }
        }
        return nodes;
    }

    @Test
    void shouldDescribeSixNodesOnTheLocalClustersPorts() {
        List<String> nodes = nodeServices();
        assertThat(nodes).hasSize(6);
        List<Integer> ports = new ArrayList<>();
        for (String n : nodes) {
            List<String> cmd = command(n);
            assertThat(cmd.get(0)).isEqualTo("node");
            ports.add(Integer.parseInt(cmd.get(cmd.indexOf("--port") + 1)));
            assertThat(cmd).contains("--dir", "/data", "--bind", "0.0.0.0");
        }
        // Same ports as `slotgate local` with its default --base-port.
        assertThat(ports).containsExactly(7000, 7001, 7002, 7003, 7004, 7005);
    }

    @Test
    void shouldOnlyUseFlagsTheNodeLauncherKnows() {
        List<String> known = List.of("--port", "--bind", "--dir", "--cluster-config-file", "--cluster-node-timeout",
                "--cluster-port", "--requirepass", "--protected-mode", "--conf");
        for (String n : nodeServices()) {
            command(n).stream().filter(a -> a.startsWith("--")).forEach(flag -> assertThat(known).contains(flag));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHealthCheckEveryNodeAndTheProxyWithPing() {
        for (String n : nodeServices()) {
            List<String> test = (List<String>) ((Map<String, Object>) service(n).get("healthcheck")).get("test");
            String port = command(n).get(command(n).indexOf("--port") + 1);
            assertThat(test).containsSequence("redis-cli", "-p", port, "ping");
        }
        List<String> proxyTest = (List<String>) ((Map<String, Object>) service("proxy").get("healthcheck")).get("test");
        assertThat(proxyTest).containsSequence("redis-cli", "-p", "7617", "ping");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPublishTheProxyPortAndKeepNodeDataInNamedVolumes() throws IOException {
        assertThat((List<String>) service("proxy").get("ports")).contains("7617:7617");
        for (String n : nodeServices()) {
            assertThat((List<String>) service(n).get("volumes")).contains(n + "-data:/data");
        }
        String proxyConf = command("proxy").get(command("proxy").indexOf("--conf") + 1);
        assertThat(proxyConf).startsWith("/opt/slotgate/");
        String conf = Files.readString(ROOT.resolve(proxyConf.substring("/opt/slotgate/".length())));
        for (String n : nodeServices()) {
            String port = command(n).get(command(n).indexOf("--port") + 1);
            assertThat(conf).contains("\"" + n + ":" + port + "\"");
        }
        assertThat(conf).contains("0.0.0.0:7617");
    }

    @Test
    void shouldFormTheClusterOnceWithOneReplicaPerMaster() {
        String script = String.join("\n", command("cluster-init"));
        assertThat(script).contains("--cluster create").contains("--cluster-replicas 1").contains("--cluster-yes");
        for (String n : nodeServices()) {
            assertThat(script).contains(n + ":");
        }
    }

    @Test
    void shouldBuildTheImageWithTheReadmesBuildCommandAndRunAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher build = Pattern.compile("(?m)^RUN (mvn .*)$").matcher(dockerfile);
        assertThat(build.find()).isTrue();
        assertThat(readme).contains("    " + build.group(1) + "\n");
        assertThat(dockerfile).contains("USER slotgate").contains("FROM eclipse-temurin:17-jre");
    }
}

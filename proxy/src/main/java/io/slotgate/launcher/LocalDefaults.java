package io.slotgate.launcher;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Defaults of {@code slotgate local} from {@code conf/local.conf} under SLOTGATE_HOME (set by bin/slotgate), so the
 * file, not the code, is where an operator reads and changes them; flags still override. Without the file the
 * built-in defaults of {@link LocalLauncher} apply.
 */
final class LocalDefaults implements IDefaultValueProvider {

    private final Config local;

    LocalDefaults() {
        this(home().resolve("conf").resolve("local.conf"));
    }

    LocalDefaults(Path file) {
        Config c = Files.isRegularFile(file) ? ConfigFactory.parseFile(file.toFile()).resolve() : ConfigFactory.empty();
        this.local = c.hasPath("local") ? c.getConfig("local") : ConfigFactory.empty();
    }

    private static Path home() {
        String home = System.getenv("SLOTGATE_HOME");
        return home == null || home.isEmpty() ? Path.of(".") : Path.of(home);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String key = option.longestName().substring(2);
        return local.hasPath(key) ? local.getAnyRef(key).toString() : null;
    }
}

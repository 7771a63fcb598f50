package io.slotgate.launcher;

import io.slotgate.proxy.Proxy;
import io.slotgate.proxy.config.ProxyConfigException;
import io.slotgate.proxy.config.ProxyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code slotgate proxy --conf FILE}: the cluster-aware proxy; defaults and every key in conf/proxy.conf. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Start the cluster-aware proxy (HOCON config: see conf/proxy.conf).")
final class ProxyLauncher implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ProxyLauncher.class);

    @Option(names = "--conf", description = "HOCON file with a proxy { ... } block; without it the defaults apply.")
    Path conf;

    @Override
    public Integer call() throws Exception {
        ProxyOptions options;
        try {
            options = conf == null ? ProxyOptions.DEFAULT : ProxyOptions.load(conf);
        } catch (ProxyConfigException | IllegalArgumentException e) {
            System.err.println("slotgate proxy: " + e.getMessage());
            return 2;
        }
        Proxy proxy = Proxy.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("proxy on port {} shutting down", proxy.port());
            proxy.close();
        }, "slotgate-proxy-shutdown"));
        log.info("Ready to accept connections on port {}", proxy.port());
        proxy.awaitClosed();
        return 0;
    }
}

package io.slotgate.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "proxy", description = "Start the cluster-aware proxy (Proxy I).")
final class ProxyLauncher implements Callable<Integer> {

    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        System.err.println("slotgate proxy: not available yet: it arrives with Proxy I (issue 5).");
        return 2;
    }
}

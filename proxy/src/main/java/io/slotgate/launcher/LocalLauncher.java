package io.slotgate.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "local", description = "Start a local 3-master/3-replica cluster plus the proxy on port 7617.")
final class LocalLauncher implements Callable<Integer> {

    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        System.err.println("slotgate local: not available yet: it arrives with Operations I (issue 6).");
        return 2;
    }
}

package io.slotgate.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "node", description = "Start one cluster node (Backend node I).")
final class NodeLauncher implements Callable<Integer> {

    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        System.err.println("slotgate node: not available yet: it arrives with Backend node I (issue 3).");
        return 2;
    }
}

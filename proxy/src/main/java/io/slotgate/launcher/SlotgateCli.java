package io.slotgate.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the distribution jar: {@code slotgate node|proxy|local}. */
@Command(name = "slotgate", mixinStandardHelpOptions = true, version = "slotgate 0.1.0",
        description = "Redis-Cluster-compatible node and cluster-aware proxy.",
        subcommands = {NodeLauncher.class, ProxyLauncher.class, LocalLauncher.class})
public final class SlotgateCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: node, proxy or local");
    }

    public static void main(String[] args) {
        NettyDefaults.apply(System.getProperties()); // before anything loads Netty
        int code = new CommandLine(new SlotgateCli()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}

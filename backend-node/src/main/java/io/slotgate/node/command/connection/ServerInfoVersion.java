package io.slotgate.node.command.connection;

/** The Redis version this node reports (HELLO, INFO): the 7.0 line whose semantics it implements. */
public final class ServerInfoVersion {

    public static final String VERSION = "7.0.15";

    private ServerInfoVersion() {
    }
}

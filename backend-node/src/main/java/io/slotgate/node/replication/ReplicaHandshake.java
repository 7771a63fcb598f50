package io.slotgate.node.replication;

import io.netty.util.AttributeKey;

/**
 * What a connection told us with REPLCONF before PSYNC/SYNC (replication.md §2.1); kept as a channel attribute
 * so the client layer needs no replication fields.
 */
final class ReplicaHandshake {

    static final AttributeKey<ReplicaHandshake> KEY = AttributeKey.valueOf("slotgate.replica-handshake");

    private volatile int listeningPort;
    private volatile String ipAddress;
    private volatile boolean capaEof;
    private volatile boolean capaPsync2;
    private volatile boolean rdbOnly;

    int listeningPort() {
        return listeningPort;
    }

    void listeningPort(int port) {
        this.listeningPort = port;
    }

    String ipAddress() {
        return ipAddress;
    }

    void ipAddress(String ip) {
        this.ipAddress = ip;
    }

    boolean capaEof() {
        return capaEof;
    }

    void capaEof(boolean v) {
        capaEof = v;
    }

    boolean capaPsync2() {
        return capaPsync2;
    }

    void capaPsync2(boolean v) {
        capaPsync2 = v;
    }

    boolean rdbOnly() {
        return rdbOnly;
    }

    void rdbOnly(boolean v) {
        rdbOnly = v;
    }
}

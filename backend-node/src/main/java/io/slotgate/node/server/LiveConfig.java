package io.slotgate.node.server;

import io.slotgate.node.NodeOptions;

/**
 * The settings CONFIG SET may change while running; read from any loop, hence volatile. Everything else stays
 * in the immutable {@link NodeOptions}.
 */
public final class LiveConfig {

    private volatile String requirepass;
    private volatile int maxclients;
    private volatile long clientOutputBufferLimit;
    private volatile long pubsubOutputBufferLimit;

    public LiveConfig(NodeOptions o) {
        this.requirepass = o.requirepass();
        this.maxclients = o.maxclients();
        this.clientOutputBufferLimit = o.clientOutputBufferLimit();
        this.pubsubOutputBufferLimit = o.pubsubOutputBufferLimit();
    }

    public String requirepass() {
        return requirepass;
    }

    public void setRequirepass(String requirepass) {
        this.requirepass = requirepass == null || requirepass.isEmpty() ? null : requirepass;
    }

    public int maxclients() {
        return maxclients;
    }

    public void setMaxclients(int maxclients) {
        this.maxclients = maxclients;
    }

    public long clientOutputBufferLimit() {
        return clientOutputBufferLimit;
    }

    public void setClientOutputBufferLimit(long v) {
        this.clientOutputBufferLimit = v;
    }

    public long pubsubOutputBufferLimit() {
        return pubsubOutputBufferLimit;
    }

    public void setPubsubOutputBufferLimit(long v) {
        this.pubsubOutputBufferLimit = v;
    }
}

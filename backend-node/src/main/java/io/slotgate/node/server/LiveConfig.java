package io.slotgate.node.server;

import io.slotgate.node.NodeOptions;
import io.slotgate.node.acl.AclUsers;

/**
 * The settings CONFIG SET may change while running; read from any loop, hence volatile. Everything else stays
 * in the immutable {@link NodeOptions}.
 */
public final class LiveConfig {

    private volatile String requirepass;
    private volatile int maxclients;
    private volatile long clientOutputBufferLimit;
    private volatile long pubsubOutputBufferLimit;
    private volatile boolean protectedMode;
    /** The ACL users; requirepass is the default user's password (Redis 7). */
    private final AclUsers acl;

    public LiveConfig(NodeOptions o, AclUsers acl) {
        this.acl = acl;
        this.protectedMode = !"no".equalsIgnoreCase(o.extras().getOrDefault("protected-mode", "yes"));
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
        acl.setDefaultPassword(this.requirepass);
    }

    public AclUsers acl() {
        return acl;
    }

    /** protected-mode: with no password for the default user, only loopback clients are accepted. */
    public boolean protectedMode() {
        return protectedMode;
    }

    public void setProtectedMode(boolean v) {
        this.protectedMode = v;
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

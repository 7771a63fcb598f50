package io.slotgate.node.acl;

/**
 * What a connection holds for its user: the current rules (swapped by ACL SETUSER) and whether the user was
 * deleted (its connections are then closed, as Redis does).
 */
public final class AclUserRef {

    private volatile AclUser user;
    private volatile boolean deleted;

    AclUserRef(AclUser user) {
        this.user = user;
    }

    public AclUser get() {
        return user;
    }

    void set(AclUser u) {
        this.user = u;
    }

    public boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }
}

package io.slotgate.node.acl;

import java.util.List;

/** The ACL command categories of Redis 7.0, in the order ACL CAT lists them (and ACL GETUSER tries them). */
public final class AclCategory {

    public static final List<String> NAMES = List.of("keyspace", "read", "write", "set", "sortedset", "list",
            "hash", "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow",
            "blocking", "dangerous", "connection", "transaction", "scripting");

    private AclCategory() {
    }
}

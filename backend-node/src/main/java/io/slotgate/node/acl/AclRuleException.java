package io.slotgate.node.acl;

/** A SETUSER rule Redis would refuse; the message is Redis's reason text (after "modifier '...': "). */
public final class AclRuleException extends RuntimeException {

    public AclRuleException(String reason) {
        super(reason, null, false, false);
    }
}

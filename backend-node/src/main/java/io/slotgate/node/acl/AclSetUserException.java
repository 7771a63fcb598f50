package io.slotgate.node.acl;

/** An ACL SETUSER rule refused; {@link #getMessage} is Redis's full error line. */
public final class AclSetUserException extends RuntimeException {

    public AclSetUserException(String op, String reason) {
        super("ERR Error in ACL SETUSER modifier '" + op + "': " + reason, null, false, false);
    }
}

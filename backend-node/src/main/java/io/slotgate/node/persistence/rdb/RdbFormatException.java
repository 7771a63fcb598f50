package io.slotgate.node.persistence.rdb;

/** The bytes are not a valid RDB encoding (truncated, unknown type, inconsistent lengths...). */
public final class RdbFormatException extends Exception {

    public RdbFormatException(String message) {
        super(message);
    }

    public RdbFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

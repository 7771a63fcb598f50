package io.slotgate.node.store;

/** Thrown by typed lookups when the key holds another type; the dispatcher turns it into the WRONGTYPE error. */
public final class WrongTypeException extends RuntimeException {

    public static final String MESSAGE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final WrongTypeException INSTANCE = new WrongTypeException();

    private WrongTypeException() {
        super(MESSAGE, null, false, false);
    }
}

package io.slotgate.node.persistence;

/** The data on disk cannot be loaded: start-up stops with this message (file, offset, what to do). */
public final class PersistenceException extends Exception {

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}

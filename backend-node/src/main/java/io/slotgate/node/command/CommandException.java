package io.slotgate.node.command;

/** Thrown by a handler to answer with an error line; {@code text} is the whole error, prefix included. */
public final class CommandException extends RuntimeException {

    public CommandException(String text) {
        super(text, null, false, false);
    }

    public String text() {
        return getMessage();
    }
}

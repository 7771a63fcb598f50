package io.slotgate.routing.resp;

/**
 * Emitted by a decoder in place of a request when the input is malformed. The handler writes
 * {@code -ERR Protocol error: <message>} and closes the connection, as Redis does; the decoder discards all later
 * input.
 *
 * @param message the text after "Protocol error: ", worded as Redis words it (e.g. "invalid bulk length")
 */
public record RespProtocolError(String message) {

    /** The full error line text without the leading '-', e.g. "ERR Protocol error: invalid bulk length". */
    public String errorText() {
        return "ERR Protocol error: " + message;
    }
}

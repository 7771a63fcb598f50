package io.slotgate.routing.redirect;

/**
 * A parsed {@code MOVED} or {@code ASK} error (cluster-protocol.md section 2).
 *
 * @param type which redirection
 * @param slot the slot of the command's first key
 * @param host the endpoint exactly as the node wrote it (may be empty for unknown-endpoint)
 * @param port the client port
 */
public record Redirect(Type type, int slot, String host, int port) {

    public enum Type { MOVED, ASK }

    /** "host:port" as written in the error. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * Parses an error text without its leading '-' (e.g. "MOVED 3999 127.0.0.1:6381").
     *
     * @return the redirect, or null if the text is not a well-formed MOVED/ASK error
     */
    public static Redirect parse(CharSequence error) {
        throw new UnsupportedOperationException("TODO: implemented by the slot-map work");
    }

    /**
     * Parses a reply frame (starting with '-') in place, without copying unless it is a redirect.
     *
     * @return the redirect, or null if the frame is not a MOVED/ASK error
     */
    public static Redirect parse(io.netty.buffer.ByteBuf frame) {
        throw new UnsupportedOperationException("TODO: implemented by the slot-map work");
    }
}

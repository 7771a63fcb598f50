package io.slotgate.routing.redirect;

import io.netty.buffer.ByteBuf;
import io.slotgate.routing.slot.SlotHash;

import java.nio.charset.StandardCharsets;

/**
 * A parsed {@code MOVED} or {@code ASK} error (cluster-protocol.md section 2).
 *
 * @param type which redirection
 * @param slot the slot of the command's first key
 * @param host the endpoint exactly as the node wrote it (may be empty for unknown-endpoint)
 * @param port the client port
 */
public record Redirect(Type type, int slot, String host, int port) {

    /** Longest error line inspected; real ones are far shorter (a hostname is at most 255 bytes). */
    private static final int MAX_LENGTH = 512;

    public enum Type { MOVED, ASK }

    /**
     * The host to connect to: the endpoint as written, or {@code fallbackHost} (the host of the node that sent the
     * redirect) when it is empty ({@code unknown-endpoint}) or {@code "?"} (hostname preferred, none announced),
     * cluster-protocol.md §2.
     */
    public String hostOr(String fallbackHost) {
        return host.isEmpty() || host.equals("?") ? fallbackHost : host;
    }

    /** "host:port" as written in the error. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * Parses an error text without its leading '-' (e.g. "MOVED 3999 127.0.0.1:6381"). The form is exactly
     * {@code TYPE SP slot SP endpoint:port}; the endpoint may be empty or an IPv6 address, so the port follows
     * the last ':'.
     *
     * @return the redirect, or null if the text is not a well-formed MOVED/ASK error
     */
    public static Redirect parse(CharSequence error) {
        if (error == null || error.length() > MAX_LENGTH) {
            return null;
        }
        String text = error.toString();
        Type type;
        int pos;
        if (text.startsWith("MOVED ")) {
            type = Type.MOVED;
            pos = 6;
        } else if (text.startsWith("ASK ")) {
            type = Type.ASK;
            pos = 4;
        } else {
            return null;
        }
        int space = text.indexOf(' ', pos);
        if (space < 0) {
            return null;
        }
        int slot = decimal(text, pos, space, SlotHash.SLOT_COUNT - 1);
        String endpoint = text.substring(space + 1);
        int colon = endpoint.lastIndexOf(':');
        if (slot < 0 || colon < 0 || endpoint.indexOf(' ') >= 0) {
            return null;
        }
        int port = decimal(endpoint, colon + 1, endpoint.length(), 65535);
        if (port <= 0) {
            return null;
        }
        return new Redirect(type, slot, endpoint.substring(0, colon), port);
    }

    /**
     * Parses a reply frame (starting with '-') in place, without copying unless it is a redirect. The frame is
     * read from its reader index, which is left unchanged; a trailing CRLF is optional.
     *
     * @return the redirect, or null if the frame is not a MOVED/ASK error
     */
    public static Redirect parse(ByteBuf frame) {
        if (frame == null) {
            return null;
        }
        int start = frame.readerIndex();
        int end = frame.writerIndex();
        if (end - start < 2 || frame.getByte(start) != '-') {
            return null;
        }
        if (!startsWith(frame, start + 1, end, "MOVED ") && !startsWith(frame, start + 1, end, "ASK ")) {
            return null;
        }
        int cr = frame.indexOf(start + 1, Math.min(end, start + 1 + MAX_LENGTH + 1), (byte) '\r');
        int lineEnd = cr >= 0 ? cr : end;
        if (cr < 0 && lineEnd - start - 1 > MAX_LENGTH) {
            return null;
        }
        return parse(frame.toString(start + 1, lineEnd - start - 1, StandardCharsets.UTF_8));
    }

    private static boolean startsWith(ByteBuf buf, int index, int end, String ascii) {
        if (end - index < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf.getByte(index + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Digits only (no sign, no spaces), at most {@code max}; -1 otherwise. */
    private static int decimal(String s, int from, int to, int max) {
        if (from >= to || to - from > 5) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}

package io.slotgate.routing.resp;

/** A RESP error reply as a value; {@code text} is the line without the leading '-'. */
public record RespError(String text) {

    /** The first word, e.g. "MOVED", "ERR", "CLUSTERDOWN". */
    public String prefix() {
        int sp = text.indexOf(' ');
        return sp < 0 ? text : text.substring(0, sp);
    }
}

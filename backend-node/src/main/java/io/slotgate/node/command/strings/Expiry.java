package io.slotgate.node.command.strings;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;

/** Turns an EX/PX/EXAT/PXAT argument into an absolute time in ms with Redis's range checks. */
public final class Expiry {

    private Expiry() {
    }

    public static long absoluteMillis(Call c, int argIndex, String unit, String command) {
        long t = c.argLong(argIndex);
        String invalid = "ERR invalid expire time in '" + command + "' command";
        boolean seconds = unit.equals("ex") || unit.equals("exat");
        if (t <= 0 || (seconds && t > Long.MAX_VALUE / 1000)) {
            throw new CommandException(invalid);
        }
        long ms = seconds ? t * 1000 : t;
        if (unit.equals("ex") || unit.equals("px")) {
            if (ms > Long.MAX_VALUE - c.db().now()) {
                throw new CommandException(invalid);
            }
            ms += c.db().now();
        }
        return ms;
    }
}

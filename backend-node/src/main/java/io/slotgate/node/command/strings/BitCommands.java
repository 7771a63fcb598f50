package io.slotgate.node.command.strings;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;

import java.util.Arrays;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** SETBIT, GETBIT, BITCOUNT, BITPOS and BITOP over string values. */
final class BitCommands {

    private BitCommands() {
    }

    static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("setbit", 4, F_WRITE, one, BitCommands::setbit);
        r.add("getbit", 3, 0, one, c -> {
            long off = bitOffset(c, 2);
            byte[] v = c.db().getString(c.arg(1));
            long byteIndex = off >>> 3;
            if (v == null || byteIndex >= v.length) {
                c.integer(0);
            } else {
                c.integer((v[(int) byteIndex] >> (7 - (off & 7))) & 1);
            }
        });
        r.add("bitcount", -2, 0, one, BitCommands::bitcount);
        r.add("bitpos", -3, 0, one, BitCommands::bitpos);
        r.add("bitop", -4, F_WRITE, KeySpec.range(2, -1, 1), BitCommands::bitop);
    }

    private static long bitOffset(Call c, int i) {
        long off = c.argLong(i, "ERR bit offset is not an integer or out of range");
        if (off < 0 || (off >>> 3) >= StringCommands.MAX_STRING) {
            throw new CommandException("ERR bit offset is not an integer or out of range");
        }
        return off;
    }

    private static void setbit(Call c) {
        long off = bitOffset(c, 2);
        long bit = c.argLong(3, "ERR bit is not an integer or out of range");
        if (bit != 0 && bit != 1) {
            throw new CommandException("ERR bit is not an integer or out of range");
        }
        byte[] k = c.arg(1);
        byte[] v = c.db().getString(k);
        boolean existed = v != null;
        int byteIndex = (int) (off >>> 3);
        if (v == null) {
            v = new byte[byteIndex + 1];
        } else if (byteIndex >= v.length) {
            v = Arrays.copyOf(v, byteIndex + 1);
        } else {
            v = v.clone();
        }
        int shift = 7 - (int) (off & 7);
        int old = (v[byteIndex] >> shift) & 1;
        if (bit == 1) {
            v[byteIndex] |= (byte) (1 << shift);
        } else {
            v[byteIndex] &= (byte) ~(1 << shift);
        }
        if (existed) {
            c.db().replaceKeepTtl(k, v);
        } else {
            c.db().set(k, v);
        }
        c.integer(old);
    }

    /** Resolves [start end] with BYTE/BIT units into an inclusive bit range, or null when empty. */
    private static long[] range(Call c, byte[] v, int startArg, boolean hasEnd) {
        boolean bitUnit = false;
        int unitArg = startArg + 2;
        if (c.argc() > unitArg) {
            if (c.argIs(unitArg, "bit")) {
                bitUnit = true;
            } else if (!c.argIs(unitArg, "byte")) {
                throw new CommandException(Errors.SYNTAX);
            }
            if (c.argc() > unitArg + 1) {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        long start = c.argLong(startArg);
        long total = bitUnit ? (long) v.length * 8 : v.length;
        long end = hasEnd ? c.argLong(startArg + 1) : total - 1;
        if (start < 0) {
            start = total + start;
        }
        if (end < 0) {
            end = total + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= total) {
            end = total - 1;
        }
        if (start > end) {
            return null;
        }
        return bitUnit ? new long[]{start, end} : new long[]{start * 8, end * 8 + 7};
    }

    private static void bitcount(Call c) {
        if (c.argc() == 3 || c.argc() > 5) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (c.argc() >= 4) {
            c.argLong(2);
            c.argLong(3);
        }
        byte[] v = c.db().getString(c.arg(1));
        if (v == null) {
            c.integer(0);
            return;
        }
        long[] r = c.argc() >= 4 ? range(c, v, 2, true) : new long[]{0, (long) v.length * 8 - 1};
        if (r == null || v.length == 0) {
            c.integer(0);
            return;
        }
        long count = 0;
        for (long b = r[0]; b <= r[1]; b++) {
            if ((b & 7) == 0 && b + 7 <= r[1]) {
                count += Integer.bitCount(v[(int) (b >>> 3)] & 0xFF);
                b += 7;
            } else if (((v[(int) (b >>> 3)] >> (7 - (b & 7))) & 1) == 1) {
                count++;
            }
        }
        c.integer(count);
    }

    private static void bitpos(Call c) {
        long bit = c.argLong(2);
        if (bit != 0 && bit != 1) {
            throw new CommandException("ERR The bit argument must be 1 or 0.");
        }
        if (c.argc() > 6) {
            throw new CommandException(Errors.SYNTAX);
        }
        boolean endGiven = c.argc() >= 5;
        if (c.argc() >= 4) {
            c.argLong(3);
        }
        if (endGiven) {
            c.argLong(4);
        }
        byte[] v = c.db().getString(c.arg(1));
        if (v == null) {
            c.integer(bit == 1 ? -1 : 0);
            return;
        }
        long[] r = c.argc() >= 4 ? range(c, v, 3, endGiven) : new long[]{0, (long) v.length * 8 - 1};
        if (r == null || v.length == 0) {
            c.integer(-1);
            return;
        }
        for (long b = r[0]; b <= r[1]; b++) {
            if (((v[(int) (b >>> 3)] >> (7 - (b & 7))) & 1) == bit) {
                c.integer(b);
                return;
            }
        }
        // Looking for a clear bit without an explicit end: the string is padded with zeros on the right.
        c.integer(bit == 0 && !endGiven ? r[1] + 1 : -1);
    }

    private static void bitop(Call c) {
        String op = c.argString(1).toLowerCase(java.util.Locale.ROOT);
        if (!op.equals("and") && !op.equals("or") && !op.equals("xor") && !op.equals("not")) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (op.equals("not") && c.argc() != 4) {
            throw new CommandException("ERR BITOP NOT must be called with a single source key.");
        }
        int n = c.argc() - 3;
        byte[][] src = new byte[n][];
        int max = 0;
        for (int i = 0; i < n; i++) {
            byte[] v = c.db().getString(c.arg(3 + i));
            src[i] = v == null ? new byte[0] : v;
            max = Math.max(max, src[i].length);
        }
        byte[] out = new byte[max];
        for (int j = 0; j < max; j++) {
            int acc = j < src[0].length ? src[0][j] & 0xFF : 0;
            if (op.equals("not")) {
                acc = ~acc & 0xFF;
            }
            for (int i = 1; i < n; i++) {
                int b = j < src[i].length ? src[i][j] & 0xFF : 0;
                acc = switch (op) {
                    case "and" -> acc & b;
                    case "or" -> acc | b;
                    default -> acc ^ b;
                };
            }
            out[j] = (byte) acc;
        }
        byte[] dest = c.arg(2);
        if (max == 0) {
            c.db().delete(dest);
        } else {
            c.db().set(dest, out);
        }
        c.integer(max);
    }
}

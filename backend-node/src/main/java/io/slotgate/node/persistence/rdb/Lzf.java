package io.slotgate.node.persistence.rdb;

/**
 * LZF, the format of Redis's compressed RDB strings. A control byte below 32 starts a literal
 * run of ctrl+1 bytes; otherwise its top 3 bits (7 meaning "add the next byte") plus 2 give a back-reference
 * length and its low 5 bits with the next byte the distance - 1.
 */
final class Lzf {

    private Lzf() {
    }

    static byte[] decompress(byte[] in, int originalLength) throws RdbFormatException {
        byte[] out = new byte[originalLength];
        int ip = 0;
        int op = 0;
        try {
            while (ip < in.length) {
                int ctrl = in[ip++] & 0xff;
                if (ctrl < 32) {
                    int run = ctrl + 1;
                    if (op + run > out.length || ip + run > in.length) {
                        throw new RdbFormatException("LZF literal run out of bounds");
                    }
                    System.arraycopy(in, ip, out, op, run);
                    ip += run;
                    op += run;
                } else {
                    int len = ctrl >> 5;
                    if (len == 7) {
                        len += in[ip++] & 0xff;
                    }
                    int ref = op - ((ctrl & 0x1f) << 8) - (in[ip++] & 0xff) - 1;
                    len += 2;
                    if (ref < 0 || op + len > out.length) {
                        throw new RdbFormatException("LZF back reference out of bounds");
                    }
                    for (int i = 0; i < len; i++) {
                        out[op++] = out[ref++]; // may overlap: copy byte by byte
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new RdbFormatException("truncated LZF data");
        }
        if (op != originalLength) {
            throw new RdbFormatException("LZF data decompressed to " + op + " bytes, expected " + originalLength);
        }
        return out;
    }

    private static final int HASH_BITS = 14;
    private static final int MAX_OFFSET = 1 << 13;
    private static final int MAX_MATCH = 264;

    /**
     * Compresses {@code in} into at most {@code maxOut} bytes, or returns null when it does not fit (the caller
     * then stores the string raw). A hash of each 3-byte prefix remembers its last position; a match within 8 KB
     * becomes a back reference, anything else goes into literal runs of up to 32 bytes.
     */
    static byte[] compress(byte[] in, int maxOut) {
        int n = in.length;
        if (maxOut <= 0) {
            return null;
        }
        byte[] out = new byte[maxOut + 8]; // one iteration writes at most 4 bytes past the check
        int[] table = new int[1 << HASH_BITS];
        int op = 1;
        int litCtrl = 0;
        int lit = 0;
        int ip = 0;
        while (ip < n) {
            if (op > maxOut) {
                return null;
            }
            int len = 0;
            int off = 0;
            if (ip + 2 < n) {
                int h = (((in[ip] & 0xff) << 16 | (in[ip + 1] & 0xff) << 8 | (in[ip + 2] & 0xff)) * 0x9E3779B1)
                        >>> (32 - HASH_BITS);
                int ref = table[h] - 1;
                table[h] = ip + 1;
                off = ip - ref - 1;
                if (ref >= 0 && off < MAX_OFFSET && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]
                        && in[ref + 2] == in[ip + 2]) {
                    int limit = Math.min(n - ip, MAX_MATCH);
                    len = 3;
                    while (len < limit && in[ref + len] == in[ip + len]) {
                        len++;
                    }
                }
            }
            if (len == 0) {
                out[op++] = in[ip++];
                if (++lit == 32) {
                    out[litCtrl] = 31;
                    litCtrl = op++;
                    lit = 0;
                }
                continue;
            }
            if (lit > 0) {
                out[litCtrl] = (byte) (lit - 1);
            } else {
                op--; // the reserved control byte of an empty literal run
            }
            int l = len - 2;
            if (l < 7) {
                out[op++] = (byte) ((l << 5) | (off >> 8));
            } else {
                out[op++] = (byte) ((7 << 5) | (off >> 8));
                out[op++] = (byte) (l - 7);
            }
            out[op++] = (byte) off;
            litCtrl = op++;
            lit = 0;
            ip += len;
        }
        if (lit > 0) {
            out[litCtrl] = (byte) (lit - 1);
        } else {
            op--;
        }
        return op > maxOut ? null : java.util.Arrays.copyOf(out, op);
    }
}

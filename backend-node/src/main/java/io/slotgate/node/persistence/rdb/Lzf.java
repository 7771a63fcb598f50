package io.slotgate.node.persistence.rdb;

/**
 * LZF decompression (the format of Redis's compressed RDB strings). A control byte below 32 starts a literal
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
}

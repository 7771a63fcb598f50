package io.slotgate.node.store;

/** LZF decompression (the format Redis uses for compressed RDB strings). */
final class Lzf {

    private Lzf() {
    }

    static byte[] decompress(byte[] in, int off, int len, int outLen) {
        byte[] out = new byte[outLen];
        int ip = off;
        int end = off + len;
        int op = 0;
        while (ip < end) {
            int ctrl = in[ip++] & 0xFF;
            if (ctrl < 32) {
                int run = ctrl + 1;
                if (op + run > outLen || ip + run > end) {
                    throw new DumpFormat.BadPayload("ERR Bad data format");
                }
                System.arraycopy(in, ip, out, op, run);
                ip += run;
                op += run;
            } else {
                int runLen = ctrl >> 5;
                int ref = op - ((ctrl & 0x1F) << 8) - 1;
                if (runLen == 7) {
                    runLen += in[ip++] & 0xFF;
                }
                ref -= in[ip++] & 0xFF;
                runLen += 2;
                if (ref < 0 || op + runLen > outLen) {
                    throw new DumpFormat.BadPayload("ERR Bad data format");
                }
                for (int i = 0; i < runLen; i++) {
                    out[op++] = out[ref++];
                }
            }
        }
        if (op != outLen) {
            throw new DumpFormat.BadPayload("ERR Bad data format");
        }
        return out;
    }
}

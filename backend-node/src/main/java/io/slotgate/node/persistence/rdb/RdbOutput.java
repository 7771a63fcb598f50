package io.slotgate.node.persistence.rdb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes RDB primitives to a stream, keeping the running CRC-64 of every byte written. */
public final class RdbOutput {

    /** Redis's rdbcompression default: strings above 20 bytes are LZF-compressed when that saves bytes. */
    public static final boolean DEFAULT_COMPRESS = true;
    private static final int COMPRESS_MIN = 21;

    private final OutputStream out;
    private final boolean compress;
    private long crc;
    private long written;

    public RdbOutput(OutputStream out) {
        this(out, DEFAULT_COMPRESS);
    }

    public RdbOutput(OutputStream out, boolean compress) {
        this.out = out;
        this.compress = compress;
    }

    public long crc() {
        return crc;
    }

    public long written() {
        return written;
    }

    public void writeByte(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        crc = Crc64.update(crc, b);
        written++;
    }

    public void writeBytes(byte[] b) {
        writeBytes(b, 0, b.length);
    }

    public void writeBytes(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        crc = Crc64.update(crc, b, off, len);
        written += len;
    }

    public void writeLittleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            writeByte((int) (v >>> (8 * i)) & 0xff);
        }
    }

    /** Length encoding: 6 bits (00), 14 bits (01), 32 bits (0x80) or 64 bits (0x81), big endian. */
    public void writeLength(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        if (n < (1 << 6)) {
            writeByte((int) n);
        } else if (n < (1 << 14)) {
            writeByte(0x40 | (int) (n >> 8));
            writeByte((int) n & 0xff);
        } else if (n <= 0xffffffffL) {
            writeByte(0x80);
            for (int i = 3; i >= 0; i--) {
                writeByte((int) (n >>> (8 * i)) & 0xff);
            }
        } else {
            writeByte(0x81);
            for (int i = 7; i >= 0; i--) {
                writeByte((int) (n >>> (8 * i)) & 0xff);
            }
        }
    }

    /**
     * A string, integer-encoded when it is a canonical decimal fitting 32 bits, else LZF-compressed when enabled
     * and smaller, else raw (Redis's choices).
     */
    public void writeString(byte[] s) {
        Long v = s.length <= 11 ? StrictLong.parse(s) : null;
        if (v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            long x = v;
            if (x >= Byte.MIN_VALUE && x <= Byte.MAX_VALUE) {
                writeByte(0xc0);
                writeLittleEndian(x, 1);
            } else if (x >= Short.MIN_VALUE && x <= Short.MAX_VALUE) {
                writeByte(0xc1);
                writeLittleEndian(x, 2);
            } else {
                writeByte(0xc2);
                writeLittleEndian(x, 4);
            }
            return;
        }
        if (compress && s.length >= COMPRESS_MIN) {
            // as Redis: only worth it when at least 4 bytes are saved
            byte[] packed = Lzf.compress(s, s.length - 4);
            if (packed != null) {
                writeByte(0xc3);
                writeLength(packed.length);
                writeLength(s.length);
                writeBytes(packed);
                return;
            }
        }
        writeLength(s.length);
        writeBytes(s);
    }

    public void writeBinaryDouble(double d) {
        writeLittleEndian(Double.doubleToRawLongBits(d), 8);
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.slotgate.node.persistence.rdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads RDB primitives (bytes, lengths, strings, doubles) from a stream while keeping the running CRC-64 of
 * every byte consumed, so a file's trailing checksum can be checked. Lengths are bounded by {@code maxLength}
 * (and, for in-memory payloads, by the bytes left) so a corrupt length cannot make us allocate gigabytes.
 */
public final class RdbInput {

    /** Redis's default proto-max-bulk-len: no single string in a valid payload is longer. */
    public static final long DEFAULT_MAX_STRING = 512L * 1024 * 1024;

    private final InputStream in;
    private final long limit;
    private long position;
    private long crc;

    /** @param limit total bytes available, or -1 when unknown (a file stream) */
    public RdbInput(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    public static RdbInput of(byte[] data, int off, int len) {
        return new RdbInput(new java.io.ByteArrayInputStream(data, off, len), len);
    }

    public long position() {
        return position;
    }

    /** CRC-64 of everything read so far. */
    public long crc() {
        return crc;
    }

    public int readUnsignedByte() throws RdbFormatException {
        try {
            int b = in.read();
            if (b < 0) {
                throw new RdbFormatException("unexpected end of data at offset " + position);
            }
            position++;
            crc = Crc64.update(crc, b);
            return b;
        } catch (IOException e) {
            throw new RdbFormatException("read failed: " + e.getMessage(), e);
        }
    }

    public byte[] readBytes(long n) throws RdbFormatException {
        if (n < 0 || n > DEFAULT_MAX_STRING || (limit >= 0 && n > limit - position)) {
            throw new RdbFormatException("length " + n + " out of range at offset " + position);
        }
        byte[] b = new byte[(int) n];
        try {
            int off = 0;
            while (off < b.length) {
                int r = in.read(b, off, b.length - off);
                if (r < 0) {
                    throw new EOFException();
                }
                off += r;
            }
        } catch (EOFException e) {
            throw new RdbFormatException("unexpected end of data at offset " + position);
        } catch (IOException e) {
            throw new RdbFormatException("read failed: " + e.getMessage(), e);
        }
        position += n;
        crc = Crc64.update(crc, b, 0, b.length);
        return b;
    }

    public long readLittleEndian(int bytes) throws RdbFormatException {
        byte[] b = readBytes(bytes);
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private long readBigEndian(int bytes) throws RdbFormatException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | readUnsignedByte();
        }
        return v;
    }

    /**
     * A length or a special-encoding marker. Returns the length; for the 11xxxxxx form (only legal where a
     * string is expected) returns {@code -1 - encoding}.
     */
    long readLengthOrEncoding() throws RdbFormatException {
        int b = readUnsignedByte();
        switch (b >> 6) {
            case 0:
                return b & 0x3f;
            case 1:
                return ((long) (b & 0x3f) << 8) | readUnsignedByte();
            case 2:
                if (b == 0x80) {
                    return readBigEndian(4);
                }
                if (b == 0x81) {
                    long v = readBigEndian(8);
                    if (v < 0) {
                        throw new RdbFormatException("64-bit length out of range");
                    }
                    return v;
                }
                throw new RdbFormatException("unknown length encoding 0x" + Integer.toHexString(b));
            default:
                return -1 - (b & 0x3f);
        }
    }

    /** A plain length (6, 14, 32 or 64 bits). */
    public long readLength() throws RdbFormatException {
        long n = readLengthOrEncoding();
        if (n < 0) {
            throw new RdbFormatException("encoded value where a length was expected");
        }
        return n;
    }

    /** A length that must fit an int (element counts, string sizes). */
    public int readIntLength() throws RdbFormatException {
        long n = readLength();
        if (n > Integer.MAX_VALUE) {
            throw new RdbFormatException("length " + n + " too large");
        }
        return (int) n;
    }

    /** A string: raw, integer-encoded (8/16/32 bits) or LZF-compressed. */
    public byte[] readString() throws RdbFormatException {
        long n = readLengthOrEncoding();
        if (n >= 0) {
            return readBytes(n);
        }
        int enc = (int) (-1 - n);
        switch (enc) {
            case 0:
                return ascii((byte) readUnsignedByte());
            case 1:
                return ascii((short) readLittleEndian(2));
            case 2:
                return ascii((int) readLittleEndian(4));
            case 3: {
                long compressed = readLength();
                long original = readLength();
                // one 3-byte LZF back reference yields at most 264 bytes: a bigger claim is corrupt, and must not
                // make us allocate it
                if (original > DEFAULT_MAX_STRING || original > compressed * 88 + 64) {
                    throw new RdbFormatException("LZF string length " + original + " impossible for " + compressed
                            + " compressed bytes");
                }
                byte[] packed = readBytes(compressed);
                return Lzf.decompress(packed, (int) original);
            }
            default:
                throw new RdbFormatException("unknown string encoding " + enc);
        }
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /** A zset_2 score: 8 bytes, IEEE 754, little endian. */
    public double readBinaryDouble() throws RdbFormatException {
        return Double.longBitsToDouble(readLittleEndian(8));
    }

    /** An old-style (RDB_TYPE_ZSET) score: a length byte then ASCII; 253/254/255 mean NaN/+inf/-inf. */
    public double readStringDouble() throws RdbFormatException {
        int len = readUnsignedByte();
        switch (len) {
            case 253:
                return Double.NaN;
            case 254:
                return Double.POSITIVE_INFINITY;
            case 255:
                return Double.NEGATIVE_INFINITY;
            default:
                String s = new String(readBytes(len), StandardCharsets.US_ASCII);
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new RdbFormatException("bad score " + s);
                }
        }
    }
}

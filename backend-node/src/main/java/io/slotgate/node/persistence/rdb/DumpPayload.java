package io.slotgate.node.persistence.rdb;

import java.io.ByteArrayOutputStream;

/**
 * The DUMP / RESTORE serialization: type byte, value, RDB version (2 bytes, little endian), CRC-64 of all the
 * preceding bytes (8 bytes, little endian).
 */
public final class DumpPayload {

    private static final int FOOTER = 10;

    private DumpPayload() {
    }

    public static byte[] dump(RdbValue value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RdbOutput out = new RdbOutput(bytes);
        out.writeByte(RdbValueCodec.typeOf(value));
        RdbValueCodec.write(value, out);
        out.writeLittleEndian(RdbType.RDB_VERSION, 2);
        out.writeLittleEndian(out.crc(), 8);
        return bytes.toByteArray();
    }

    /**
     * Whether the footer is acceptable to Redis 7.0: at least 10 bytes, a version not above 10, and a matching
     * checksum. Failing this is "DUMP payload version or checksum are wrong".
     */
    public static boolean verify(byte[] payload) {
        if (payload.length < FOOTER) {
            return false;
        }
        int footer = payload.length - FOOTER;
        int version = (payload[footer] & 0xff) | (payload[footer + 1] & 0xff) << 8;
        if (version > RdbType.RDB_VERSION) {
            return false;
        }
        long crc = Crc64.of(payload, 0, payload.length - 8);
        return crc == Intset.le(payload, payload.length - 8, 8);
    }

    /** Decodes a verified payload's value; a bad body ("Bad data format" in Redis) throws. */
    public static RdbValue read(byte[] payload) throws RdbFormatException {
        if (payload.length < FOOTER + 1) {
            throw new RdbFormatException("payload too short");
        }
        RdbInput in = RdbInput.of(payload, 0, payload.length - FOOTER);
        int type = in.readUnsignedByte();
        return RdbValueCodec.read(type, in);
    }
}

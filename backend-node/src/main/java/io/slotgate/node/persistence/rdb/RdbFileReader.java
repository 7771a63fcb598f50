package io.slotgate.node.persistence.rdb;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a whole RDB file (versions 1 to 11) and hands each key to a consumer as it is decoded, so a large file
 * is never held in memory at once. Keys of every database are delivered (a cluster node only has database 0).
 * Functions (FUNCTION2) are skipped; streams, modules and module aux data are refused with a clear message.
 */
public final class RdbFileReader {

    /** Highest version we read: 7.2's RDB 11 only adds types we decode (set listpack) or refuse (streams v3). */
    public static final int MAX_VERSION = 11;

    /** What the file said besides its keys. */
    public record Summary(int version, Map<String, String> aux, long keys, long skippedFunctions) {
    }

    private RdbFileReader() {
    }

    public static Summary read(InputStream stream, Consumer<RdbEntry> sink) throws RdbFormatException {
        RdbInput in = new RdbInput(stream, -1);
        byte[] magic = in.readBytes(9);
        String header = new String(magic, StandardCharsets.US_ASCII);
        if (!header.startsWith("REDIS")) {
            throw new RdbFormatException("not an RDB file (no REDIS magic)");
        }
        int version;
        try {
            version = Integer.parseInt(header.substring(5));
        } catch (NumberFormatException e) {
            throw new RdbFormatException("bad RDB version " + header.substring(5));
        }
        if (version < 1 || version > MAX_VERSION) {
            throw new RdbFormatException("unsupported RDB version " + version);
        }
        Map<String, String> aux = new LinkedHashMap<>();
        long keys = 0;
        long functions = 0;
        long expireAt = RdbEntry.NO_EXPIRY;
        while (true) {
            int type = in.readUnsignedByte();
            switch (type) {
                case RdbType.OPCODE_EOF -> {
                    long computed = in.crc();
                    if (version >= 5) {
                        long stored = in.readLittleEndian(8);
                        // a zero checksum means the writer had rdbchecksum off
                        if (stored != 0 && stored != computed) {
                            throw new RdbFormatException("RDB checksum mismatch");
                        }
                    }
                    return new Summary(version, aux, keys, functions);
                }
                case RdbType.OPCODE_AUX -> aux.put(new String(in.readString(), StandardCharsets.UTF_8),
                        new String(in.readString(), StandardCharsets.UTF_8));
                case RdbType.OPCODE_SELECTDB -> in.readLength();
                case RdbType.OPCODE_RESIZEDB -> {
                    in.readLength();
                    in.readLength();
                }
                case RdbType.OPCODE_EXPIRETIME_MS -> expireAt = in.readLittleEndian(8);
                case RdbType.OPCODE_EXPIRETIME -> expireAt = in.readLittleEndian(4) * 1000;
                case RdbType.OPCODE_IDLE -> in.readLength();
                case RdbType.OPCODE_FREQ -> in.readUnsignedByte();
                case RdbType.OPCODE_FUNCTION2 -> {
                    in.readString(); // library source; functions are not supported by this node
                    functions++;
                }
                case RdbType.OPCODE_FUNCTION -> throw new RdbFormatException(
                        "pre-release function format (RDB opcode 246) is not supported");
                case RdbType.OPCODE_MODULE_AUX -> throw new RdbFormatException("module data is not supported");
                default -> {
                    byte[] key = in.readString();
                    RdbValue value;
                    try {
                        value = RdbValueCodec.read(type, in);
                    } catch (RdbFormatException e) {
                        throw new RdbFormatException("key '" + new String(key, StandardCharsets.UTF_8) + "': "
                                + e.getMessage(), e);
                    }
                    sink.accept(new RdbEntry(key, value, expireAt));
                    keys++;
                    expireAt = RdbEntry.NO_EXPIRY;
                }
            }
        }
    }
}

package io.slotgate.node.persistence.rdb;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a whole RDB file as Redis 7.0 does: "REDIS0010", aux fields, SELECTDB 0, RESIZEDB, the keys (each
 * optionally preceded by EXPIRETIME_MS), EOF, then the CRC-64 of everything before it (little endian).
 */
public final class RdbFileWriter {

    /** The version we claim in the redis-ver aux field (tools such as redis-check-rdb print it). */
    public static final String DEFAULT_REDIS_VERSION = "7.0.15";

    private RdbFileWriter() {
    }

    /** The aux fields Redis writes at the top of every file. */
    public static Map<String, String> defaultAux(long nowMs) {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put("redis-ver", DEFAULT_REDIS_VERSION);
        aux.put("redis-bits", "64");
        aux.put("ctime", Long.toString(nowMs / 1000));
        aux.put("used-mem", "0");
        aux.put("aof-base", "0");
        return aux;
    }

    /** Writes every entry into database 0 and flushes (the stream stays open). */
    public static void write(OutputStream stream, Map<String, String> aux, Collection<RdbEntry> entries) {
        RdbOutput out = new RdbOutput(stream);
        out.writeBytes(String.format("REDIS%04d", RdbType.RDB_VERSION).getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, String> a : aux.entrySet()) {
            out.writeByte(RdbType.OPCODE_AUX);
            out.writeString(a.getKey().getBytes(StandardCharsets.UTF_8));
            out.writeString(a.getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (!entries.isEmpty()) {
            long withExpiry = entries.stream().filter(e -> e.expireAtMs() >= 0).count();
            out.writeByte(RdbType.OPCODE_SELECTDB);
            out.writeLength(0);
            out.writeByte(RdbType.OPCODE_RESIZEDB);
            out.writeLength(entries.size());
            out.writeLength(withExpiry);
            for (RdbEntry e : entries) {
                if (e.expireAtMs() >= 0) {
                    out.writeByte(RdbType.OPCODE_EXPIRETIME_MS);
                    out.writeLittleEndian(e.expireAtMs(), 8);
                }
                out.writeByte(RdbValueCodec.typeOf(e.value()));
                out.writeString(e.key());
                RdbValueCodec.write(e.value(), out);
            }
        }
        out.writeByte(RdbType.OPCODE_EOF);
        out.writeLittleEndian(out.crc(), 8);
        out.flush();
    }
}

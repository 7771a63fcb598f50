/**
 * Redis's RDB serialization as Redis 7.0 writes it (RDB version 10), for DUMP/RESTORE, snapshots, full sync and
 * loading a Redis {@code dump.rdb}.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.slotgate.node.persistence.rdb.RdbValue}: the neutral value model (string, list, set, sorted
 *   set, hash as plain records); {@link io.slotgate.node.persistence.rdb.StoreValues} converts to and from the
 *   store's classes (on the partition's loop).</li>
 *   <li>{@link io.slotgate.node.persistence.rdb.RdbValueCodec}: one value's body. Reads types 0-5 and 10-14,
 *   16-18 and 20 (plain, intset, ziplist, listpack, quicklist v1/v2); writes string (0), quicklist-2 of
 *   listpacks (18, what Redis writes), set (2), zset_2 (5), hash (4), which Redis 7.0 loads and re-encodes
 *   compactly itself. Streams and modules are not supported.</li>
 *   <li>{@link io.slotgate.node.persistence.rdb.RdbInput} / {@link io.slotgate.node.persistence.rdb.RdbOutput}:
 *   lengths (6/14/32/64 bits), strings (raw, integer-encoded, LZF-compressed above 20 bytes as Redis does),
 *   doubles, with a running {@link io.slotgate.node.persistence.rdb.Crc64}.</li>
 *   <li>{@link io.slotgate.node.persistence.rdb.DumpPayload}: type byte + body + version (2 bytes LE) + CRC-64
 *   (8 bytes LE).</li>
 *   <li>{@link io.slotgate.node.persistence.rdb.RdbFileWriter} / {@link
 *   io.slotgate.node.persistence.rdb.RdbFileReader}: whole files ("REDIS0010", aux fields, SELECTDB,
 *   RESIZEDB, EXPIRETIME_MS, keys, EOF, CRC-64); {@link io.slotgate.node.persistence.rdb.KeyspaceRdb} captures
 *   a keyspace into entries or loads entries into one, each partition on its own loop; {@code loadFile} streams
 *   a dump.rdb in batches, {@code writeFile} writes a snapshot.</li>
 * </ul>
 *
 * <h2>What redis-server 7.0 emits (observed with DUMP)</h2>
 * Strings: type 0, integer-encoded when they fit 32 bits, LZF-compressed above 20 bytes. Lists: always 18,
 * one listpack node per ~8 KB, nodes LZF-compressed when that pays. Sets: 11 (intset) for up to 512 integers,
 * else 2 (set listpacks are 7.2's). Sorted sets: 17 (listpack) up to 128 members of at most 64 bytes, else 5.
 * Hashes: 16 (listpack) up to 512 fields with values of at most 64 bytes, else 4. Redis 7.0 still restores
 * type 1 (plain list) and payloads of older RDB versions, refuses versions above 10.
 */
package io.slotgate.node.persistence.rdb;

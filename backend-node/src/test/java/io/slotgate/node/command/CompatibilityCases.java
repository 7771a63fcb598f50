package io.slotgate.node.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command sequences per family for {@link CommandCompatibilityIntegrationTests}. Keys of one sequence share a
 * hash tag where a command needs them in one slot. "~" marks unordered array replies.
 */
final class CompatibilityCases {

    static final Map<String, List<String>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("connection", List.of(
                "PING", "PING hello", "PING a b", "ECHO hi", "ECHO", "SELECT 0", "SELECT 1", "SELECT x",
                "HELLO 4", "HELLO x", "AUTH x", "AUTH default x", "READONLY", "READWRITE",
                "CLIENT SETNAME myname", "CLIENT GETNAME", "CLIENT SETNAME 'a b'", "CLIENT NOPE",
                "CLIENT GETNAME extra", "NOSUCHCOMMAND a b", "nosuch", "GET", "SET a", 
                "MOVE a 1", "SWAPDB 0 1", "MULTI", "PING", "EXEC"));
        ALL.put("strings", List.of(
                "SET foo bar", "GET foo", "GET nokey", "SET foo baz XX", "SET foo2 v XX", "SET foo v NX",
                "SET foo v NX XX", "SET foo v EX 0", "SET foo v EX -1", "SET foo v EX x", "SET foo v PX 100 EX 1",
                "SET foo v KEEPTTL EX 1", "SET foo v2 GET", "SET nokey v GET", "SET foo v3 NX GET",
                "SET foo v EX 100", "TTL foo", "SET foo v4 KEEPTTL", "TTL foo", "SET foo v5", "TTL foo",
                "SET foo v bogus", "SETNX foo x", "SETNX new1 x", "SETEX k1 100 v", "TTL k1", "SETEX k1 0 v",
                "SETEX k1 x v", "PSETEX k2 100000 v", "PSETEX k2 -5 v",
                "MSET {t}a 1 {t}b 2", "MGET {t}a {t}b {t}c", "MSET {t}a 1 {t}b", "MSETNX {t}a 1 {t}z 2",
                "MSETNX {t}y 1 {t}z 2", "MGET {t}y {t}z", "MSET a 1 b 2", "MGET a b",
                "GETSET foo new", "GETSET nk v", "GETDEL foo", "GETDEL foo", "SET foo 10", "GETEX foo EX 100",
                "TTL foo", "GETEX foo PERSIST", "TTL foo", "GETEX foo EX 0", "GETEX foo PX", "GETEX foo bogus",
                "APPEND ap hello", "APPEND ap ' world'", "GET ap", "STRLEN ap", "STRLEN none",
                "GETRANGE ap 0 4", "GETRANGE ap -5 -1", "GETRANGE ap 5 2", "GETRANGE ap -100 100",
                "GETRANGE ap x 1", "GETRANGE none 0 -1", "SUBSTR ap 0 2",
                "SETRANGE ap 6 WORLD", "GET ap", "SETRANGE sr 5 x", "GET sr", "SETRANGE sr -1 x",
                "SETRANGE empty 0 ''", "EXISTS empty",
                "SET n 10", "INCR n", "DECR n", "INCRBY n 5", "DECRBY n 3", "INCRBY n x", "INCR ap",
                "SET big 9223372036854775807", "INCR big", "DECRBY n -9223372036854775808",
                "SET neg -9223372036854775808", "DECR neg", "INCR fresh", "SET sp ' 1'", "INCR sp",
                "SET f 10.50", "INCRBYFLOAT f 0.1", "INCRBYFLOAT f -5", "INCRBYFLOAT f 3.0e3",
                "INCRBYFLOAT f x", "INCRBYFLOAT f inf", "INCRBYFLOAT ap 1", "INCRBYFLOAT nf 5",
                "SET f2 0.1", "INCRBYFLOAT f2 0.2", "SET f3 5.0e3", "INCRBYFLOAT f3 2.0e2",
                "SETBIT bits 7 1", "GETBIT bits 7", "GETBIT bits 100", "SETBIT bits 7 0", "SETBIT bits 7 2",
                "SETBIT bits -1 1", "SETBIT bits 100 1", "GET bits", "SETBIT bits x 1",
                "SET bc foobar", "BITCOUNT bc", "BITCOUNT bc 0 0", "BITCOUNT bc 1 1", "BITCOUNT bc 1 1 BIT",
                "BITCOUNT bc 5 30 BIT", "BITCOUNT bc -2 -1", "BITCOUNT bc 0", "BITCOUNT bc 0 1 FOO",
                "BITCOUNT none", "SET bp '\u00ff\u00f0'", "BITPOS bc 1", "BITPOS bc 0", "BITPOS bc 1 2",
                "BITPOS bc 1 2 -1 BYTE", "BITPOS bc 1 7 15 BIT", "BITPOS bc 2", "BITPOS none 0",
                "BITPOS none 1", "SET z1 ''", "BITPOS z1 0",
                "SET {l}a ohmytext", "SET {l}b mynewtext", "LCS {l}a {l}b", "LCS {l}a {l}b LEN",
                "LCS {l}a {l}b IDX", "LCS {l}a {l}b IDX MINMATCHLEN 4 WITHMATCHLEN", "LCS {l}a {l}b LEN IDX",
                "LCS {l}a {l}x", "LCS {l}a {l}b bogus",
                "BITOP AND {l}dest {l}a {l}b", "GET {l}dest", "BITOP NOT {l}dest {l}a {l}b", "BITOP NOT {l}d2 {l}a",
                "BITOP FOO {l}dest {l}a", "LPUSH lst a", "GET lst", "APPEND lst x", "STRLEN lst"));
        ALL.put("keys", List.of(
                "SET k1 v", "SET k2 v", "DEL k1", "DEL k1", "EXISTS k2", "EXISTS k1", "EXISTS {x}a {x}a",
                "SET {x}a 1", "EXISTS {x}a {x}a {x}b", "DEL {x}a {x}b", "UNLINK k2", "TYPE k2", "SET s v",
                "TYPE s", "LPUSH l a", "TYPE l", "HSET h f v", "TYPE h", "SADD st m", "TYPE st", "ZADD z 1 m",
                "TYPE z", "TTL s", "PTTL s", "TTL none", "PTTL none", "EXPIRE s 100", "TTL s", "EXPIRE s 100 NX",
                "EXPIRE s 200 XX", "TTL s", "EXPIRE s 50 GT", "EXPIRE s 500 GT", "TTL s", "EXPIRE s 600 LT",
                "EXPIRE s 10 LT", "TTL s", "EXPIRE s 10 NX XX", "EXPIRE s 10 GT LT", "EXPIRE s 10 FOO",
                "EXPIRE s x", "EXPIRE none 10", "PERSIST s", "PERSIST s", "TTL s", "EXPIRE s 10 XX",
                "EXPIRE s 10 GT", "EXPIRE s 10 LT", "PERSIST s", "PEXPIRE s 100000",
                "EXPIREAT s 4102444800", "EXPIRETIME s", "PEXPIRETIME s", "PEXPIREAT s 4102444800000",
                "EXPIRETIME s", "EXPIRETIME none", "EXPIRETIME h", "EXPIRE s -1", "EXISTS s",
                "EXPIRE h 9223372036854775807", "PEXPIRE h 9223372036854775807", "EXPIREAT h -5", "EXISTS h",
                "SET {r}a 1", "RENAME {r}a {r}b", "GET {r}b", "RENAME {r}a {r}b", "RENAME {r}b {r}b",
                "SET {r}c 2", "RENAMENX {r}b {r}c", "RENAMENX {r}b {r}d", "RENAMENX {r}d {r}d", "RENAME {r}a b",
                "SET {r}e v EX 100", "RENAME {r}e {r}f", "TTL {r}f",
                "COPY {r}f {r}g", "GET {r}g", "TTL {r}g", "COPY {r}f {r}g", "COPY {r}f {r}g REPLACE",
                "COPY {r}none {r}g", "COPY {r}f {r}f", "COPY {r}f {r}g DB 1", "COPY {r}f {r}g DB 0 REPLACE",
                "COPY {r}f {r}g BOGUS", "RPUSH {r}list a b c", "COPY {r}list {r}list2", "LRANGE {r}list2 0 -1",
                "TOUCH {r}f {r}g {r}none", "OBJECT ENCODING {r}f", "SET num 123", "OBJECT ENCODING num",
                "SET long 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", "OBJECT ENCODING long",
                "OBJECT ENCODING {r}list", "OBJECT ENCODING h", "OBJECT ENCODING none", "SADD is 1 2 3",
                "OBJECT ENCODING is", "OBJECT ENCODING st", "OBJECT ENCODING z", "OBJECT FREQ num",
                "OBJECT NOPE num", "OBJECT ENCODING", "DEL {r}a {r}b", "DEL a b",
                "~KEYS *", "~KEYS {r}*", "KEYS nomatch*", "~KEYS ?um", "~KEYS n[a-z]m", "DBSIZE",
                "RANDOMKEY", "FLUSHALL", "RANDOMKEY", "DBSIZE", "SCAN 0", "SCAN x", "SCAN 0 COUNT 0",
                "SCAN 0 BOGUS 1"));
        ALL.put("hashes", List.of(
                "HSET h f1 v1 f2 v2", "HSET h f1 x", "HSET h f1", "HGET h f1", "HGET h nof", "HGET none f",
                "HMSET h f3 v3", "HMGET h f1 f2 nof", "HMGET none a", "HSETNX h f1 y", "HSETNX h f9 y",
                "HLEN h", "HLEN none", "HSTRLEN h f1", "HSTRLEN h nof", "HEXISTS h f1", "HEXISTS h nof",
                "HKEYS h", "HVALS h", "HGETALL h", "HGETALL none", "HDEL h f9 nof", "HDEL h f1 f2 f3",
                "EXISTS h", "HSET n c 10", "HINCRBY n c 5", "HINCRBY n new -3", "HINCRBY n c x",
                "HSET n s abc", "HINCRBY n s 1", "HSET n m 9223372036854775807", "HINCRBY n m 1",
                "HSET n fl 10.5", "HINCRBYFLOAT n fl 0.1", "HINCRBYFLOAT n fl x", "HINCRBYFLOAT n s 1",
                "HINCRBYFLOAT n nf 2.5", "HINCRBYFLOAT n fl inf", "SET str v", "HGET str f", "HSET str f v",
                "HLEN str", "HRANDFIELD none", "HRANDFIELD none 5", "HSET one f v", "HRANDFIELD one",
                "HRANDFIELD one 1", "HRANDFIELD one 1 WITHVALUES", "HRANDFIELD one -3", "HRANDFIELD one 0",
                "HRANDFIELD one 1 BOGUS", "HRANDFIELD one x", "~HRANDFIELD n 100", "HSCAN n 0", "HSCAN n x",
                "HSCAN n 0 MATCH f*", "HSCAN none 0", "HSCAN n 0 COUNT 0"));
        ALL.put("sets", List.of(
                "SADD s a b c", "SADD s a d", "SCARD s", "SCARD none", "SISMEMBER s a", "SISMEMBER s z",
                "SMISMEMBER s a z b", "SMISMEMBER none a", "~SMEMBERS s", "SMEMBERS none", "SREM s a z",
                "SREM s b c d", "EXISTS s", "SADD {s}a 1 2 3 4", "SADD {s}b 3 4 5", "SADD {s}c 4 5 6",
                "~SINTER {s}a {s}b", "~SINTER {s}a {s}b {s}c", "SINTER {s}a {s}none", "~SUNION {s}a {s}b",
                "~SDIFF {s}a {s}b", "~SDIFF {s}a {s}none", "SDIFF {s}none {s}a", "SINTERSTORE {s}d {s}a {s}b",
                "~SMEMBERS {s}d", "SUNIONSTORE {s}d {s}a {s}c", "SDIFFSTORE {s}d {s}a {s}b",
                "SINTERSTORE {s}d {s}a {s}none", "EXISTS {s}d", "SINTERCARD 2 {s}a {s}b",
                "SINTERCARD 2 {s}a {s}b LIMIT 1", "SINTERCARD 0 {s}a", "SINTERCARD 3 {s}a {s}b",
                "SINTERCARD 2 {s}a {s}b LIMIT -1", "SINTERCARD x {s}a", "SINTERCARD 1 {s}a BOGUS",
                "SMOVE {s}a {s}b 1", "SMOVE {s}a {s}b 1", "SMOVE {s}a {s}new 2", "~SMEMBERS {s}new",
                "SET {s}str v", "SADD {s}str a", "SINTER {s}a {s}str", "SMOVE {s}a {s}str 3",
                "SPOP none", "SPOP none 3", "SADD one x", "SPOP one", "EXISTS one", "SADD two a b",
                "~SPOP two 5", "SPOP two -1", "SPOP two x", "SPOP two 1 2", "SADD r x", "SRANDMEMBER r",
                "SRANDMEMBER r 2", "SRANDMEMBER r -3", "SRANDMEMBER r 0", "SRANDMEMBER none",
                "SRANDMEMBER none 2", "SRANDMEMBER r x", "SSCAN {s}c 0", "SSCAN none 0", "SSCAN {s}c x",
                "SINTER {s}a b"));
        ALL.put("lists", List.of(
                "LPUSH l a b c", "RPUSH l d e", "LRANGE l 0 -1", "LRANGE l 1 2", "LRANGE l -2 -1",
                "LRANGE l 5 1", "LRANGE l -100 100", "LRANGE none 0 -1", "LRANGE l x 1", "LLEN l", "LLEN none",
                "LINDEX l 0", "LINDEX l -1", "LINDEX l 99", "LINDEX l x", "LSET l 0 z", "LSET l 99 z",
                "LSET none 0 z", "LINSERT l BEFORE z y", "LINSERT l AFTER e f", "LINSERT l AFTER nope f",
                "LINSERT l MIDDLE z y", "LINSERT none BEFORE a b", "LRANGE l 0 -1", "LPUSHX l q",
                "LPUSHX none q", "RPUSHX l q", "RPUSH r a b a c a", "LREM r 2 a", "LRANGE r 0 -1",
                "LREM r -1 a", "LREM r 0 zz", "LREM r x a", "RPUSH r2 a b a c a", "LREM r2 -2 a",
                "LRANGE r2 0 -1", "LREM r2 0 a", "LPOS r2 b", "RPUSH p a b c a b c", "LPOS p c",
                "LPOS p c RANK 2", "LPOS p c RANK -1", "LPOS p c COUNT 0", "LPOS p c COUNT 1 RANK -1",
                "LPOS p c MAXLEN 2", "LPOS p zz", "LPOS p zz COUNT 0", "LPOS p c RANK 0", "LPOS p c COUNT -1",
                "LPOS p c MAXLEN -1", "LPOS p c BOGUS 1", "LPOS p c RANK", "LPOP p", "RPOP p", "LPOP p 2",
                "RPOP p 10", "EXISTS p", "LPOP none", "LPOP none 2", "LPOP l 0", "LPOP l -1", "LPOP l x",
                "LPOP l 1 2", "RPUSH t 1 2 3 4 5", "LTRIM t 1 -2", "LRANGE t 0 -1", "LTRIM t 5 10", "EXISTS t",
                "LTRIM none 0 1", "RPUSH {m}a 1 2 3", "RPOPLPUSH {m}a {m}b", "LMOVE {m}a {m}b LEFT RIGHT",
                "LRANGE {m}b 0 -1", "LMOVE {m}a {m}b UP DOWN", "LMOVE {m}none {m}b LEFT LEFT",
                "RPOPLPUSH {m}a {m}a", "LRANGE {m}a 0 -1", "SET {m}s v", "LMOVE {m}a {m}s LEFT LEFT",
                "LRANGE {m}a 0 -1", "LMPOP 2 {m}none {m}b LEFT", "LMPOP 2 {m}none {m}b RIGHT COUNT 5",
                "LMPOP 1 {m}none LEFT", "LMPOP 0 {m}a LEFT", "LMPOP 1 {m}a MIDDLE", "LMPOP 1 {m}a LEFT COUNT 0",
                "LMPOP 3 {m}a LEFT", "LMPOP x {m}a LEFT", "RPUSH {m}c x", "BLPOP {m}none {m}c 0.01",
                "BLPOP {m}none 0.01", "BRPOP {m}c x", "BRPOP {m}c -1", "RPUSH {m}c y z",
                "BLMOVE {m}c {m}d LEFT RIGHT 0", "BRPOPLPUSH {m}c {m}d 0", "BLMPOP 0.01 1 {m}none LEFT",
                "BLMPOP 0 2 {m}none {m}d LEFT COUNT 2", "BLMOVE {m}none {m}d LEFT LEFT 0.01",
                "MULTI", "BLPOP {m}none 0", "EXEC", "SET str v", "LPUSH str a", "LRANGE str 0 1",
                "BLPOP str 0"));
    }

    private CompatibilityCases() {
    }
}

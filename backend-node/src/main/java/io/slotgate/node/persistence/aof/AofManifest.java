package io.slotgate.node.persistence.aof;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7's multi-part AOF manifest ({@code appendonly.aof.manifest} in {@code appendonlydir}): one base file
 * (a snapshot, here always RDB: the "RDB preamble") and the incremental files written since, in order. Lines
 * read {@code file appendonly.aof.2.base.rdb seq 2 type b}; type b = base, i = incremental, h = history (left
 * over from a rewrite, deleted). Immutable: a rewrite produces a new manifest that is written to a temporary
 * file and renamed over the old one, so a crash leaves either the old or the new set of files.
 */
public record AofManifest(String prefix, AofFile base, List<AofFile> incrs) {

    public enum Type { BASE, INCR }

    /** One file of the set. */
    public record AofFile(String name, long seq, Type type) {
    }

    public AofManifest {
        incrs = List.copyOf(incrs);
    }

    /** A fresh set: no base, one empty incremental file with sequence 1. */
    public static AofManifest initial(String prefix) {
        return new AofManifest(prefix, null, List.of(incr(prefix, 1)));
    }

    public static String manifestName(String prefix) {
        return prefix + ".manifest";
    }

    public static AofFile incr(String prefix, long seq) {
        return new AofFile(prefix + "." + seq + ".incr.aof", seq, Type.INCR);
    }

    public static AofFile base(String prefix, long seq) {
        return new AofFile(prefix + "." + seq + ".base.rdb", seq, Type.BASE);
    }

    /** The file new writes go to. */
    public AofFile current() {
        return incrs.get(incrs.size() - 1);
    }

    /** With one more incremental file (a rewrite starts: later writes go there). */
    public AofManifest withNextIncr() {
        List<AofFile> more = new ArrayList<>(incrs);
        more.add(incr(prefix, current().seq() + 1));
        return new AofManifest(prefix, base, more);
    }

    /** After a rewrite: the new base replaces the old base and every incremental file before {@code from}. */
    public AofManifest rebased(AofFile newBase, AofFile from) {
        List<AofFile> kept = incrs.stream().filter(f -> f.seq() >= from.seq()).toList();
        return new AofManifest(prefix, newBase, kept);
    }

    /** The next base file's name (sequence one above the current base's). */
    public AofFile nextBase() {
        return base(prefix, base == null ? 1 : base.seq() + 1);
    }

    /** The highest sequence number any file of the set uses. */
    public long maxSeq() {
        return all().stream().mapToLong(AofFile::seq).max().orElse(0);
    }

    public List<AofFile> all() {
        List<AofFile> out = new ArrayList<>();
        if (base != null) {
            out.add(base);
        }
        out.addAll(incrs);
        return out;
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        for (AofFile f : all()) {
            sb.append("file ").append(f.name()).append(" seq ").append(f.seq()).append(" type ")
                    .append(f.type() == Type.BASE ? 'b' : 'i').append('\n');
        }
        return sb.toString();
    }

    /** Reads {@code dir/<prefix>.manifest}; null when there is none. History entries are ignored. */
    public static AofManifest read(Path dir, String prefix) throws IOException {
        Path file = dir.resolve(manifestName(prefix));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        AofFile base = null;
        List<AofFile> incrs = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] w = t.split("\\s+");
            String name = null;
            long seq = -1;
            String type = null;
            for (int i = 0; i + 1 < w.length; i += 2) {
                switch (w[i]) {
                    case "file" -> name = w[i + 1];
                    case "seq" -> seq = Long.parseLong(w[i + 1]);
                    case "type" -> type = w[i + 1];
                    default -> {
                    }
                }
            }
            if (name == null || seq < 0 || type == null || name.contains("/")) {
                throw new IOException("Invalid AOF manifest " + file + " line " + lineNo + ": " + line);
            }
            switch (type) {
                case "b" -> base = new AofFile(name, seq, Type.BASE);
                case "i" -> incrs.add(new AofFile(name, seq, Type.INCR));
                case "h" -> {
                }
                default -> throw new IOException("Invalid AOF manifest " + file + " line " + lineNo + ": " + line);
            }
        }
        if (incrs.isEmpty() && base == null) {
            throw new IOException("AOF manifest " + file + " names no file");
        }
        if (incrs.isEmpty()) {
            incrs.add(incr(prefix, base.seq()));
        }
        return new AofManifest(prefix, base, incrs);
    }

    /** Writes the manifest atomically (temporary file, fsync, rename, fsync of the directory). */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve("temp-" + manifestName(prefix));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(format().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(manifestName(prefix)), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
    }

    /** fsync of a directory, so a rename or a new file survives a power loss (best effort where unsupported). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open directories; the rename is still atomic
        }
    }
}

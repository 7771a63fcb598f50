package io.slotgate.node.acl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Password hashing as Redis stores ACL passwords: SHA-256, lower-case hex (64 characters). */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String hash(byte[] password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String password) {
        return hash(password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code h} is what {@code #<hash>} accepts: exactly 64 lower-case hex digits. */
    public static boolean isValidHash(String h) {
        if (h.length() != 64) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** ACL GENPASS: {@code bits} random bits as hex (rounded up to whole hex digits). */
    public static String generate(int bits) {
        int chars = (bits + 3) / 4;
        byte[] raw = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw).substring(0, chars);
    }
}

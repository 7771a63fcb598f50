package io.slotgate.node.cluster.gossip;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The shared cluster-bus secret ({@code cluster-bus-secret}, a Slotgate feature, not Redis's): nodes that have
 * it prove so to each other when a link opens (see {@link BusAuthHandler}); the secret itself never travels.
 */
public final class BusSecret {

    /** Config key (also {@code --cluster-bus-secret}). */
    public static final String CONFIG_KEY = "cluster-bus-secret";
    /** Domain label mixed into every proof, so a proof cannot be replayed as anything else. */
    private static final byte[] LABEL = "slotgate-bus-auth-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    public BusSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(CONFIG_KEY + " must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The configured secret, or null when {@code cluster-bus-secret} is not set (or empty). */
    public static BusSecret from(Map<String, String> settings) {
        String s = settings.get(CONFIG_KEY);
        return s == null || s.isEmpty() ? null : new BusSecret(s);
    }

    /** HMAC-SHA256 over the label and the challenger's nonce: what a node sends to prove it has the secret. */
    public byte[] proof(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a peer's proof for our nonce. */
    public boolean verify(byte[] nonce, byte[] proof) {
        return MessageDigest.isEqual(proof(nonce), proof);
    }
}

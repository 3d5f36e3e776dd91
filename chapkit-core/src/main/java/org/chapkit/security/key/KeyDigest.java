package org.chapkit.security.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 digest of an API key, and the one place keys are compared: {@link #matches} is
 * {@link MessageDigest#isEqual}, which takes the same time wherever the inputs differ. Managed keys are 256-bit
 * random secrets, so a fast digest is enough (no password hashing needed: there is nothing to brute-force).
 */
public final class KeyDigest {

    private KeyDigest() {}

    /** The SHA-256 digest of {@code secret} (UTF-8). */
    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
    }

    /** The digest as 64 lower-case hex characters, as stored in {@code security_api_keys.key_hash}. */
    public static String hex(String secret) {
        return HexFormat.of().formatHex(of(secret));
    }

    /** Constant-time comparison of two digests. */
    public static boolean matches(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }
}

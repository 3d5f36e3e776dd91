package org.chapkit.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The mark of an artifact a job produced: it cannot be replaced through the API, and its binary content must still
 * have the digest recorded when the job stored it.
 *
 * @param artifactId the artifact
 * @param jobId the job that produced it, or null
 * @param contentSha256 hex SHA-256 of its binary content, or null when it has none
 * @param sealedAt when it was sealed
 */
public record ArtifactSeal(String artifactId, String jobId, String contentSha256, Instant sealedAt) {

    /**
     * Whether {@code content} is the content that was sealed.
     *
     * @param content the bytes read back
     * @return true when the digests agree (or neither has content)
     */
    public boolean matches(byte[] content) {
        return contentSha256 == null ? content == null || content.length == 0 : contentSha256.equals(sha256(content));
    }

    /** Hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }
}

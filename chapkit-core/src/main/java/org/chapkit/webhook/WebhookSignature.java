package org.chapkit.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code X-Chapkit-Signature: v1=<hex>}, where {@code <hex>} is the
 * HMAC-SHA256, keyed with the endpoint's secret, of {@code <X-Chapkit-Timestamp>.<body>} (the timestamp in Unix
 * seconds, a dot, the raw body bytes). Receivers recompute it, compare in constant time, and reject old timestamps
 * (replays); {@link #verify} does all three.
 */
public final class WebhookSignature {

    /** The header with the signature. */
    public static final String SIGNATURE_HEADER = "X-Chapkit-Signature";

    /** The header with the Unix time (seconds) the request was signed at. */
    public static final String TIMESTAMP_HEADER = "X-Chapkit-Timestamp";

    /** The header with the event's id. */
    public static final String EVENT_ID_HEADER = "X-Chapkit-Event-Id";

    /** The header with the event's type. */
    public static final String EVENT_TYPE_HEADER = "X-Chapkit-Event-Type";

    private static final String SCHEME = "v1=";

    private WebhookSignature() {}

    /**
     * The {@link #SIGNATURE_HEADER} value of a body.
     *
     * @param secret the endpoint's secret
     * @param timestamp Unix seconds, as sent in {@link #TIMESTAMP_HEADER}
     * @param body the request body
     * @return {@code v1=<hex>}
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /**
     * Whether a request is signed with {@code secret} and no older than {@code toleranceSeconds}.
     *
     * @param secret the endpoint's secret
     * @param timestampHeader the {@link #TIMESTAMP_HEADER} value received
     * @param signatureHeader the {@link #SIGNATURE_HEADER} value received
     * @param body the raw body received
     * @param nowSeconds the receiver's Unix time
     * @param toleranceSeconds the largest accepted age (and clock skew) of the timestamp
     * @return {@code true} when it verifies
     */
    public static boolean verify(
            String secret,
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            long nowSeconds,
            long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(SCHEME)) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException ex) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body);
        byte[] received;
        try {
            received = HexFormat.of()
                    .parseHex(signatureHeader.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(expected, received);
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}

package io.actionflow.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook call proves the workflow's secret ({@link Webhooks}): the HMAC-SHA256 signature a sender computes
 * ({@link #sign}), checked within the replay window, or the secret as a bearer token; and the digest that tells a
 * redelivery from a delivery id used again for another call.
 */
public final class WebhookProof {

    private static final String HMAC = "HmacSHA256"; // i18n: not user-facing
    static final String BEARER = "Bearer "; // i18n: not user-facing

    private WebhookProof() {
    }

    /** Why a call signed with HMAC does not prove {@code secret} (null when it does), as at {@code now}. */
    static Webhooks.Answer signed(Webhooks.Call call, String secret, String delivery, String method, Instant now, Duration window) {
        String signature = call.headers().get(Webhooks.SIGNATURE);
        String timestamp = call.headers().get(Webhooks.TIMESTAMP);
        if (signature == null || timestamp == null) {
            return Webhooks.Answer.refused(401, "webhook.signature.missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Webhooks.Answer.refused(401, "webhook.timestamp");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return Webhooks.Answer.refused(401, "webhook.timestamp");
        }
        if (delivery == null) {
            // signed calls name their delivery: the signature covers it, so a call caught on the way runs once at most
            return Webhooks.Answer.refused(400, "webhook.delivery.required");
        }
        byte[] expected = ("sha256=" + sign(secret, timestamp.strip(), delivery, method, call.rawQuery(), call.body()))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Webhooks.Answer.refused(401, "webhook.signature");
        }
        return null;
    }

    /** Why a call does not carry {@code secret} as a bearer token (null when it does). */
    static Webhooks.Answer bearer(Webhooks.Call call, String secret) {
        String header = call.headers().get("authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
            return Webhooks.Answer.refused(401, "webhook.secret");
        }
        return null;
    }

    /**
     * What a sender puts after {@code sha256=}: the hex HMAC-SHA256 under {@code secret} of the timestamp, the delivery
     * id, the method, the query string as sent (empty when none) and the body, the first four each followed by a line
     * break. Only the body, last, may hold a line break, so no two calls are signed alike.
     */
    public static String sign(String secret, String timestamp, String delivery, String method, String rawQuery, byte[] body) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + "\n" + delivery + "\n" + method.toUpperCase(Locale.ROOT) + "\n"
                    + (rawQuery == null ? "" : rawQuery) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What identifies a call's content, to tell a redelivery from a reused delivery id. */
    static String digest(String method, String rawQuery, byte[] body) {
        try {
            var sha = MessageDigest.getInstance("SHA-256"); // i18n: not user-facing
            sha.update((method + "\n" + (rawQuery == null ? "" : rawQuery) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

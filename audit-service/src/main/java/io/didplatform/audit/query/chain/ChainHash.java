package io.didplatform.audit.query.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash rule of the audit chain, written out in docs/design.md ("The audit hash chain") so that anyone can
 * recompute it offline (bin/verify-audit-export does): SHA-256, lower-case hex, over the UTF-8 bytes of the fields
 * below in this order, each written as its byte length in decimal, a colon, its bytes and a comma. A missing value
 * (null) is written as the empty text ({@code 0:,}), as the export writes it.
 * <ol>
 *     <li>{@code did-audit-chain/1} (the rule's version)</li>
 *     <li>stream, stream sequence (decimal), previous hash (empty for the first entry)</li>
 *     <li>event id, type, source, subject, actor</li>
 *     <li>time: UTC, {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, always six fraction digits (what PostgreSQL keeps)</li>
 *     <li>correlation id, causation id, topic, data (the JSON as PostgreSQL's jsonb prints it)</li>
 * </ol>
 * A root hashes the same way: {@code did-audit-root/1}, its number, log position, previous root's hash, then each
 * changed stream's name, length and head hash, streams in byte order.
 */
public final class ChainHash {
    public static final String VERSION = "did-audit-chain/1";
    public static final String ROOT_VERSION = "did-audit-root/1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final MessageDigest digest;

    private ChainHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static ChainHash start(String version) {
        return new ChainHash().field(version);
    }

    static String of(String stream, long streamSeq, String prevHash, String eventId, String type, String source,
                     String subject, String actor, Instant at, String correlationId, String causationId,
                     String topic, String data) {
        return start(VERSION).field(stream).field(Long.toString(streamSeq)).field(prevHash).field(eventId)
                .field(type).field(source).field(subject).field(actor).field(time(at)).field(correlationId)
                .field(causationId).field(topic).field(data).hex();
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    ChainHash field(String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        digest.update((byte) ',');
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

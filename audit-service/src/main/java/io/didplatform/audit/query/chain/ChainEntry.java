package io.didplatform.audit.query.chain;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;

/**
 * An audit event as the chain sees it: the fields its hash covers (those the export carries) and its links.
 * {@code streamSeq}, {@code prevHash} and {@code hash} are null while it is not chained yet.
 */
public record ChainEntry(long seq, String stream, Long streamSeq, String prevHash, String hash, String eventId,
                         String type, String source, String subject, String actor, Instant at, String correlationId,
                         String causationId, String topic, String data) {
    static final RowMapper<ChainEntry> ROW = (rs, i) -> new ChainEntry(rs.getLong("seq"), rs.getString("stream"),
            (Long) rs.getObject("stream_seq"), rs.getString("prev_hash"), rs.getString("hash"),
            rs.getString("event_id"), rs.getString("type"), rs.getString("source"), rs.getString("subject"),
            rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("topic"), rs.getString("data"));

    /** The stream of an event: its subject, the aggregate it is about ("" for an event about none). */
    static String streamOf(String subject) {
        return subject == null ? "" : subject;
    }

    /** The hash this entry must carry at {@code streamSeq} after {@code prevHash}. */
    String expectedHash(long atStreamSeq, String afterHash) {
        return ChainHash.of(stream, atStreamSeq, afterHash, eventId, type, source, subject, actor, at, correlationId,
                causationId, topic, data);
    }
}

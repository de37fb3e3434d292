package io.didplatform.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where every event processor segment (token store) and every Kafka consumer group of the platform stands. Taken
 * before a fault, it tells whether each of them has resumed since by itself: a segment whose claim was written after
 * the fault and whose position moved on (or had nothing left to handle), a group whose offsets moved on (or were at
 * the end). Which is what "resumed" means, apart from any backlog the fault let build up.
 */
final class Positions {
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    /** Per service: its newest event's index, and each segment's token, by "processor/segment". */
    private final Map<String, Long> newestEvent = new HashMap<>();
    private final Map<String, Map<String, Segment>> segments = new HashMap<>();
    /** Per consumer group: its committed offsets and the partitions' ends. */
    private final Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    private final Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();

    private record Segment(byte[] token, Instant claimed) {
        long index() {
            Matcher index = INDEX.matcher(new String(token == null ? new byte[0] : token));
            return index.find() ? Long.parseLong(index.group(1)) : -1;
        }
    }

    static Positions of(RunningPlatform platform, List<String> services) throws SQLException, InterruptedException,
            ExecutionException {
        Positions positions = new Positions();
        for (String service : services) {
            try (Connection db = platform.database(service)) {
                if (!hasTokenStore(db)) {
                    continue;
                }
                positions.newestEvent.put(service, newestEvent(db));
                positions.segments.put(service, segments(db));
            }
        }
        try (Admin admin = Scenarios.admin()) {
            for (String service : services) {
                String group = platform.groupOf(service);
                Map<TopicPartition, Long> offsets = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> offsets.put(partition, offset.offset()));
                positions.committed.put(group, offsets);
                positions.ends.put(group, Scenarios.offsets(admin, offsets.keySet(), OffsetSpec.latest()));
            }
        }
        return positions;
    }

    /** What has not resumed since {@code before} was taken at {@code faultAt} (empty once everything has). */
    List<String> notResumedSince(Positions before, Instant faultAt) {
        List<String> behind = new ArrayList<>();
        before.segments.forEach((service, then) -> then.forEach((segment, was) -> {
            Segment now = segments.get(service).get(segment);
            boolean moved = now != null && (!Arrays.equals(now.token(), was.token())
                    || now.index() >= before.newestEvent.get(service));
            if (now == null || now.claimed() == null || now.claimed().isBefore(faultAt) || !moved) {
                behind.add(service + " processor " + segment);
            }
        }));
        before.committed.forEach((group, then) -> then.forEach((partition, was) -> {
            long now = committed.get(group).getOrDefault(partition, -1L);
            if (now <= was && now < before.ends.get(group).get(partition)) {
                behind.add(group + " " + partition);
            }
        }));
        return behind;
    }

    private static boolean hasTokenStore(Connection db) throws SQLException {
        try (ResultSet found = db.createStatement().executeQuery("select to_regclass('token_entry') is not null")) {
            return found.next() && found.getBoolean(1);
        }
    }

    private static long newestEvent(Connection db) throws SQLException {
        try (ResultSet newest = db.createStatement().executeQuery(
                "select coalesce(max(global_index), -1) from domain_event_entry")) {
            newest.next();
            return newest.getLong(1);
        }
    }

    private static Map<String, Segment> segments(Connection db) throws SQLException {
        Map<String, Segment> segments = new HashMap<>();
        try (ResultSet rows = db.createStatement().executeQuery(
                "select processor_name, segment, token, timestamp from token_entry")) {
            while (rows.next()) {
                String claimed = rows.getString(4);
                segments.put(rows.getString(1) + "/" + rows.getInt(2),
                        new Segment(rows.getBytes(3), claimed == null ? null : Instant.parse(claimed)));
            }
        }
        return segments;
    }
}

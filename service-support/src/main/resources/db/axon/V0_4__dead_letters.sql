-- Kafka records a consumer could not process, as they were dead-lettered to <topic>.<consumer group>.dlt: kept here
-- too, so the admin endpoint lists, retries and discards them (a topic cannot forget one record). Axon's own dead
-- letters are in dead_letter_entry (V0_1).
create table kafka_dead_letter (
    id               uuid         not null primary key,
    consumer_group   varchar(255) not null,
    topic            varchar(255) not null,
    partition_number integer      not null,
    record_offset    bigint       not null,
    record_key       text,
    record_value     bytea,
    event_id         varchar(255),
    event_type       varchar(255),
    subject          varchar(255),
    cause_type       varchar(255) not null,
    cause_message    text,
    dead_lettered_at timestamptz  not null,
    last_attempt_at  timestamptz  not null,
    retries          integer      not null default 0,
    unique (consumer_group, topic, partition_number, record_offset)
);
create index kafka_dead_letter_time on kafka_dead_letter (dead_lettered_at);

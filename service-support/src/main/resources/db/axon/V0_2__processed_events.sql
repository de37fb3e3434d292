-- Ids of Kafka events a consumer has handled, written in the same transaction as the effect,
-- so a redelivered event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(255) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

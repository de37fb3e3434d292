-- Bulk events the outbox's interactive lane published ahead of the bulk lane (BulkLane), to keep a later event of
-- the same aggregate from overtaking them; the bulk lane passes over them and removes the note.
create table outbox_sent_ahead (
    event_id varchar(255) primary key,
    sent_at  timestamptz  not null default now()
);

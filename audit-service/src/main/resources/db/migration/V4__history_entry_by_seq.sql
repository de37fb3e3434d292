-- A history entry is keyed by its event's position in the log (one entry per event at most, and audit_event
-- keeps event_id and seq one to one). Keyed by the random event id, every insert touched a random page of an
-- index that outgrows the buffer cache early in a catch-up; by seq, inserts append at the index's end.
alter table history_entry drop constraint history_entry_pkey;
alter table history_entry add primary key (seq);

-- Each running instance of the service, seen every did.processors.heartbeat (SegmentBalancer): how many share the
-- event processors' segments. Rows of instances silent past did.processors.stale-after are removed.
create table service_instances (
    instance_id varchar(100) primary key,
    last_seen   timestamptz  not null
);

-- ShedLock's table: which instance runs a scheduled task that must run once across instances, and until when
create table if not exists shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

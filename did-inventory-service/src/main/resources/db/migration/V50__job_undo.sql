-- What each bulk job changed, per DID, so that any instance can undo it: the change, and the sequence number of the
-- DID's event that made it (an undo acts only while that event is still the DID's last). Written by
-- process.job.JobChanges in the transaction of the change itself; `undone` set in the transaction of its undo.
create table did_job_change (
    job_id         uuid        not null references did_job (id) on delete cascade,
    number         varchar(15) not null,
    change         varchar(16) not null,
    first_sequence bigint      not null,
    last_sequence  bigint      not null,
    undone         boolean     not null default false,
    primary key (job_id, number)
);

-- An undo is a job of kind UNDO naming the job it undoes. At most one real undo of a job counts at a time: one that
-- failed or was cancelled leaves the index, so the rest can be undone again; a second racing request fails here.
alter table did_job add column undo_of uuid references did_job (id);
create unique index did_job_one_undo on did_job (undo_of)
    where undo_of is not null and not dry_run and state in ('RUNNING', 'COMPLETED');

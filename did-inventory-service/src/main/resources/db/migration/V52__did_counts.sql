-- How many DIDs there are per status: in all, per operator, per tag and per client, so that a DID page's counts
-- need not count millions of rows. Triggers on did_view append changes to did_count_delta in the transaction that
-- makes them (insert-only, so concurrent writers never wait on a count row); DidCounts folds the deltas into
-- did_count every few seconds, and a read adds the deltas not folded yet.
create table did_count (
    dimension varchar(8)   not null, -- all, operator, tag, client
    value     varchar(100) not null, -- '' for all
    status    varchar(16)  not null,
    n         bigint       not null,
    primary key (dimension, value, status)
);
create table did_count_delta (
    dimension varchar(8)   not null,
    value     varchar(100) not null,
    status    varchar(16)  not null,
    n         bigint       not null
);
create index did_count_delta_value on did_count_delta (dimension, value);

create function did_count_rows_added() returns trigger language plpgsql as $$
begin
    insert into did_count_delta (dimension, value, status, n)
    select 'all', '', status, count(*) from added group by status
    union all select 'operator', operator_id, status, count(*) from added group by operator_id, status
    union all select 'tag', tag, status, count(*) from added where tag is not null group by tag, status
    union all select 'client', client_id, status, count(*) from added where client_id is not null group by client_id, status;
    return null;
end $$;

create function did_count_rows_removed() returns trigger language plpgsql as $$
begin
    insert into did_count_delta (dimension, value, status, n)
    select 'all', '', status, -count(*) from removed group by status
    union all select 'operator', operator_id, status, -count(*) from removed group by operator_id, status
    union all select 'tag', tag, status, -count(*) from removed where tag is not null group by tag, status
    union all select 'client', client_id, status, -count(*) from removed where client_id is not null group by client_id, status;
    return null;
end $$;

-- one row whose status, operator, tag or client changed: most updates (a destination, notes) change none
create function did_count_row_changed() returns trigger language plpgsql as $$
begin
    insert into did_count_delta (dimension, value, status, n) values
        ('all', '', old.status, -1), ('all', '', new.status, 1),
        ('operator', old.operator_id, old.status, -1), ('operator', new.operator_id, new.status, 1);
    if old.tag is not null then
        insert into did_count_delta values ('tag', old.tag, old.status, -1);
    end if;
    if new.tag is not null then
        insert into did_count_delta values ('tag', new.tag, new.status, 1);
    end if;
    if old.client_id is not null then
        insert into did_count_delta values ('client', old.client_id, old.status, -1);
    end if;
    if new.client_id is not null then
        insert into did_count_delta values ('client', new.client_id, new.status, 1);
    end if;
    return null;
end $$;

create function did_count_emptied() returns trigger language plpgsql as $$
begin
    delete from did_count;
    delete from did_count_delta;
    return null;
end $$;

create trigger did_view_counted_inserts after insert on did_view referencing new table as added
    for each statement execute function did_count_rows_added();
create trigger did_view_counted_deletes after delete on did_view referencing old table as removed
    for each statement execute function did_count_rows_removed();
create trigger did_view_counted_updates after update on did_view for each row
    when ((old.status, old.operator_id, old.tag, old.client_id) is distinct from
          (new.status, new.operator_id, new.tag, new.client_id))
    execute function did_count_row_changed();
create trigger did_view_counted_truncates after truncate on did_view
    for each statement execute function did_count_emptied();

insert into did_count (dimension, value, status, n)
select 'all', '', status, count(*) from did_view group by status
union all select 'operator', operator_id, status, count(*) from did_view group by operator_id, status
union all select 'tag', tag, status, count(*) from did_view where tag is not null group by tag, status
union all select 'client', client_id, status, count(*) from did_view where client_id is not null group by client_id, status;

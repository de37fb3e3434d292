-- Command-side lookup tables, written in the same transaction as the events they guard (never the read model).

-- Operator names are unique regardless of case.
create table operator_registry (
    id   varchar(36)  not null primary key,
    name varchar(128) not null
);
create unique index operator_registry_name on operator_registry (lower(name));

-- One row per number that ever had a Did aggregate. active = the DID exists now; a deleted number keeps its row
-- (its aggregate has history) with active = false and no operator, so it may be created again.
create table did_registry (
    number      varchar(15) not null primary key,
    operator_id varchar(36) references operator_registry (id),
    active      boolean     not null,
    check (active = (operator_id is not null))
);
create index did_registry_operator on did_registry (operator_id);

create table operator_view (
    id         varchar(36)  not null primary key,
    name       varchar(128) not null,
    notes      varchar(1000),
    created_at timestamptz  not null
);
create index operator_view_name on operator_view (name);

create table client_package_view (
    id         varchar(36)  not null primary key,
    client_id  varchar(36)  not null,
    package_id varchar(36)  not null,
    did_limit  integer      not null,
    tags       varchar(2000) not null,
    active     boolean      not null
);
create index client_package_view_client on client_package_view (client_id);

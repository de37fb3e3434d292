create table known_client (
    id     varchar(36)  not null primary key,
    name   varchar(255) not null,
    status varchar(20)  not null
);

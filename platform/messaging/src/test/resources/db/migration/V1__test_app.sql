create table member (
    id       uuid primary key,
    username text not null
);

create table applied_count (
    username text primary key,
    applied  int  not null
);

create table batch_applied_count (
    username text primary key,
    applied  int  not null
);

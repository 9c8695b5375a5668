-- Guests join a learning session with its code and a name, without an account; facilitators can switch this off.
alter table learning_session add column join_code varchar(16);
alter table learning_session add column guests_allowed boolean default true not null;
create unique index learning_session_join_code on learning_session (join_code);

create table session_guest (
    id           uuid primary key,
    session_id   uuid not null references learning_session (id) on delete cascade,
    display_name varchar(120) not null,
    site         varchar(200),
    profession   varchar(40),
    token_hash   varchar(64) not null unique,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null
);

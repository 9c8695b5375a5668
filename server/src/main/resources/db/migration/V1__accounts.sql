-- People who can log in, and their login tokens (stored only as SHA-256 hashes).
create table account (
    id            uuid primary key,
    email         varchar(254) not null unique,
    display_name  varchar(120) not null,
    password_hash varchar(255) not null,
    server_admin  boolean not null,
    created_at    timestamp(6) with time zone not null
);

create table access_token (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);

create index access_token_account on access_token (account_id);

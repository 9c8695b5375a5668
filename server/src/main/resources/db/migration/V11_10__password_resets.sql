-- Links mailed to an address that set a new password for the account that claims it; stored hashed, used once.
create table password_reset (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    email      varchar(254) not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index password_reset_account on password_reset (account_id);

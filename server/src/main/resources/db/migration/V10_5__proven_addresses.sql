-- An account logs in with the address it signed up with (login_email). Signing up does not say whether an address
-- is taken, so several accounts may claim one; email now holds an address only once its account has proven it
-- (by a link sent to it), and stays unique. No address was proven before this version.
alter table account add column login_email varchar(254);
update account set login_email = lower(trim(email));
alter table account alter column login_email set not null;
alter table account alter column email drop not null;
update account set email = null;
alter table account add column email_proven_at timestamp(6) with time zone;
create index account_login_email on account (login_email);

-- A link that proves an address, sent to it by email; stored only as the SHA-256 hash of its token.
create table address_proof (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    email      varchar(254) not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index address_proof_account on address_proof (account_id);


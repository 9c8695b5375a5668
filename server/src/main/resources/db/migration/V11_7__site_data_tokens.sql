-- Tokens with which a site's own systems send its measures' values; stored hashed, revoked rather than deleted.
create table site_data_token (
    id               uuid primary key,
    site_id          uuid not null references site (id) on delete cascade,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    label            varchar(120) not null,
    token_hash       varchar(64) not null unique,
    created_by       varchar(160) not null,
    created_at       timestamp(6) with time zone not null,
    last_used_at     timestamp(6) with time zone,
    revoked_at       timestamp(6) with time zone
);

create index site_data_token_site on site_data_token (site_id);

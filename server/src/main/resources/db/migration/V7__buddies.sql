-- Buddy pairings between sites: each site's profile, rounds of pairing, the pairs with each site's answer, and each
-- pair's private space (check-ins, planned peer-review visits, notes). Lists are kept as JSON text.
create table buddy_profile (
    site_id          uuid primary key references site (id) on delete cascade,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    offers           varchar(4000) not null,
    wants            varchar(4000) not null,
    stages           varchar(4000) not null,
    region           varchar(60),
    latitude         double precision,
    longitude        double precision,
    capacity         integer not null,
    excluded_sites   varchar(4000) not null,
    updated_at       timestamp(6) with time zone not null
);

create index buddy_profile_collaborative on buddy_profile (collaborative_id);

create table buddy_round (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    name             varchar(120) not null,
    quiet_after_days integer not null,
    created_at       timestamp(6) with time zone not null,
    constraint buddy_round_name_unique unique (collaborative_id, name)
);

create table buddy_pair (
    id               uuid primary key,
    round_id         uuid not null references buddy_round (id) on delete cascade,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    status           varchar(20) not null,
    pinned           boolean not null,
    score            integer not null,
    mutuality        integer not null,
    locality         integer not null,
    stage            integer not null,
    freshness        integer not null,
    mutual           boolean not null,
    reasons          varchar(8000) not null,
    faculty_invited  boolean not null,
    created_at       timestamp(6) with time zone not null,
    published_at     timestamp(6) with time zone,
    active_since     timestamp(6) with time zone,
    last_check_in_at timestamp(6) with time zone
);

create index buddy_pair_round on buddy_pair (round_id);
create index buddy_pair_collaborative on buddy_pair (collaborative_id);

create table buddy_pair_site (
    id          uuid primary key,
    pair_id     uuid not null references buddy_pair (id) on delete cascade,
    site_id     uuid not null references site (id) on delete cascade,
    seat        integer not null,
    answer      varchar(20),
    reason      varchar(1000),
    answered_at timestamp(6) with time zone,
    constraint buddy_pair_site_unique unique (pair_id, site_id)
);

create index buddy_pair_site_site on buddy_pair_site (site_id);

create table buddy_check_in (
    id         uuid primary key,
    pair_id    uuid not null references buddy_pair (id) on delete cascade,
    site_id    uuid not null references site (id) on delete cascade,
    author_id  uuid not null references member (id) on delete cascade,
    gave       varchar(2000) not null,
    got        varchar(2000) not null,
    created_at timestamp(6) with time zone not null
);

create index buddy_check_in_pair on buddy_check_in (pair_id);

create table buddy_visit (
    id               uuid primary key,
    pair_id          uuid not null references buddy_pair (id) on delete cascade,
    host_site_id     uuid not null references site (id) on delete cascade,
    visiting_site_id uuid not null references site (id) on delete cascade,
    purpose          varchar(20) not null,
    planned_on       date not null,
    note             varchar(2000),
    author_id        uuid not null references member (id) on delete cascade,
    created_at       timestamp(6) with time zone not null
);

create index buddy_visit_pair on buddy_visit (pair_id);

create table buddy_note (
    id         uuid primary key,
    pair_id    uuid not null references buddy_pair (id) on delete cascade,
    author_id  uuid not null references member (id) on delete cascade,
    body       varchar(4000) not null,
    link       varchar(2000),
    created_at timestamp(6) with time zone not null
);

create index buddy_note_pair on buddy_note (pair_id);

-- Collaboratives, their sites, their members and the invitation links that let people join.
create table collaborative (
    id         uuid primary key,
    name       varchar(200) not null,
    topic      varchar(200) not null,
    aim        varchar(2000) not null,
    starts_on  date not null,
    ends_on    date not null,
    created_by uuid not null references account (id),
    created_at timestamp(6) with time zone not null
);

create table site (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    name             varchar(200) not null,
    kind             varchar(40) not null,
    region           varchar(120) not null,
    latitude         double precision,
    longitude        double precision,
    created_at       timestamp(6) with time zone not null,
    constraint site_name_unique unique (collaborative_id, name)
);

create table member (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    account_id       uuid references account (id) on delete cascade,
    email            varchar(254) not null,
    display_name     varchar(120) not null,
    site_id          uuid references site (id),
    profession       varchar(40),
    role             varchar(40) not null,
    joined_at        timestamp(6) with time zone not null,
    constraint member_email_unique unique (collaborative_id, email),
    constraint member_account_unique unique (collaborative_id, account_id)
);

create index member_account on member (account_id);
create index member_email on member (email);

create table invitation (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    code             varchar(64) not null unique,
    role             varchar(40) not null,
    created_by       uuid not null references account (id),
    created_at       timestamp(6) with time zone not null,
    expires_at       timestamp(6) with time zone not null,
    revoked_at       timestamp(6) with time zone,
    times_used       integer not null
);

create index invitation_collaborative on invitation (collaborative_id);

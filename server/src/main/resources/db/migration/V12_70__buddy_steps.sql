-- The next steps a buddy pair agreed (in a buddy meet), kept in the pair's space where either site marks them done.
create table buddy_step (
    id          uuid primary key,
    pair_id     uuid not null references buddy_pair (id) on delete cascade,
    step_key    varchar(200) not null,
    body        varchar(500) not null,
    agreed_by   varchar(120),
    agreed_at   timestamp(6) with time zone not null,
    done_at     timestamp(6) with time zone,
    done_by_id  uuid references member (id) on delete set null,
    constraint buddy_step_key unique (pair_id, step_key)
);

-- Learning sessions of a collaborative, their agendas, and the event log of each live session.
create table learning_session (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    title            varchar(200) not null,
    starts_at        timestamp(6) with time zone not null,
    duration_minutes integer not null,
    created_by       uuid not null references account (id),
    created_at       timestamp(6) with time zone not null
);

create index learning_session_collaborative on learning_session (collaborative_id);

create table agenda_item (
    id              uuid primary key,
    session_id      uuid not null references learning_session (id) on delete cascade,
    position        integer not null,
    title           varchar(200) not null,
    activity_type   varchar(80) not null,
    planned_minutes integer not null,
    constraint agenda_item_position unique (session_id, position)
);

-- The log of a live session: every event, in order, committed before anyone sees it.
-- (session_id, seq) is the primary key, so two writers can never fork a session's history.
create table session_event (
    session_id uuid not null references learning_session (id) on delete cascade,
    seq        bigint not null,
    type       varchar(80) not null,
    audience   varchar(100) not null,
    body       varchar(100000) not null,
    client_id  varchar(64),
    client_ref varchar(64),
    created_at timestamp(6) with time zone not null,
    primary key (session_id, seq)
);

-- A site's PDSA cycles, one change idea each: the plan and its prediction, what was done, what was learned against
-- the prediction and what the team decided, with the dates that place it on the site's charts.
create table pdsa_cycle (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    site_id          uuid not null references site (id) on delete cascade,
    measure_id       uuid references measure (id) on delete set null,
    change_idea      varchar(200) not null,
    plan             varchar(4000) not null,
    prediction       varchar(4000) not null,
    planned_on       date not null,
    done             varchar(4000),
    done_on          date,
    study            varchar(4000),
    studied_on       date,
    act              varchar(20),
    act_note         varchar(4000),
    acted_on         date,
    created_by       varchar(160) not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);

create index pdsa_cycle_site on pdsa_cycle (site_id);

-- The periods from which a site's team has the centre line and limits of a measure's chart recalculated.
create table chart_change_point (
    id          uuid primary key,
    measure_id  uuid not null references measure (id) on delete cascade,
    site_id     uuid not null references site (id) on delete cascade,
    period      date not null,
    marked_by   varchar(160) not null,
    marked_at   timestamp(6) with time zone not null,
    constraint chart_change_point_once unique (measure_id, site_id, period)
);

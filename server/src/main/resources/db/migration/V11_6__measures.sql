-- Measures for improvement: a collaborative's common measures (site_id null) and a site's own ones, each site's
-- value per period, every write kept in a history, and whether a site shares its data with the whole collaborative.
create table measure (
    id                uuid primary key,
    collaborative_id  uuid not null references collaborative (id) on delete cascade,
    site_id           uuid references site (id) on delete cascade,
    name              varchar(200) not null,
    definition        varchar(4000) not null,
    kind              varchar(20) not null,
    frequency         varchar(20) not null,
    better            varchar(20) not null,
    numerator_label   varchar(200),
    denominator_label varchar(200),
    per_unit          integer,
    goal              double precision,
    baseline_from     date,
    baseline_to       date,
    created_at        timestamp(6) with time zone not null
);

create index measure_collaborative on measure (collaborative_id);

create table measure_value (
    id            uuid primary key,
    measure_id    uuid not null references measure (id) on delete cascade,
    site_id       uuid not null references site (id) on delete cascade,
    period        date not null,
    numerator     double precision,
    denominator   double precision,
    amount        double precision,
    changed_at    timestamp(6) with time zone not null,
    changed_by    varchar(160) not null,
    constraint measure_value_one_per_period unique (measure_id, site_id, period)
);

create table measure_value_change (
    id            uuid primary key,
    measure_id    uuid not null references measure (id) on delete cascade,
    site_id       uuid not null references site (id) on delete cascade,
    period        date not null,
    numerator     double precision,
    denominator   double precision,
    amount        double precision,
    removed       boolean not null,
    source        varchar(20) not null,
    changed_at    timestamp(6) with time zone not null,
    changed_by    varchar(160) not null
);

create index measure_value_change_series on measure_value_change (measure_id, site_id, period);

create table site_data_sharing (
    site_id    uuid primary key references site (id) on delete cascade,
    shared_at  timestamp(6) with time zone not null
);

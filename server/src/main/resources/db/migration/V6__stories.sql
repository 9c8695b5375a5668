-- The catalogue of failure stories. An anonymous story or comment keeps no link to its author: no author column is
-- filled, its times are coarsened to the start of their week, and only the hash of its edit key is kept.
create table story (
    id                 uuid primary key,
    collaborative_id   uuid not null references collaborative (id) on delete cascade,
    visibility         varchar(20) not null,
    scope_site_id      uuid references site (id) on delete cascade,
    scope_session_id   uuid references learning_session (id) on delete cascade,
    credit             varchar(20) not null,
    credit_member_id   uuid references member (id) on delete set null,
    credit_site_id     uuid references site (id) on delete set null,
    faculty            boolean not null,
    edit_key_hash      varchar(64),
    status             varchar(20) not null,
    moderation_note    varchar(1000),
    title              varchar(200) not null,
    topic              varchar(200) not null,
    change_idea        varchar(200) not null,
    what_we_tried      varchar(4000) not null,
    what_happened      varchar(4000) not null,
    what_we_learned    varchar(4000) not null,
    what_we_would_do_differently varchar(4000) not null,
    tags               varchar(600) not null,
    search_text        varchar(40000) not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint story_anonymous_has_key check ((credit = 'NOBODY') = (edit_key_hash is not null)),
    constraint story_anonymous_has_no_author check (credit <> 'NOBODY' or (credit_member_id is null and credit_site_id is null))
);

create index story_collaborative on story (collaborative_id, status);
create unique index story_edit_key on story (edit_key_hash);
create index story_visibility on story (visibility, status);

create table story_follow_up (
    id         uuid primary key,
    story_id   uuid not null references story (id) on delete cascade,
    body       varchar(4000) not null,
    created_at timestamp(6) with time zone not null
);

create index story_follow_up_story on story_follow_up (story_id);

create table story_comment (
    id               uuid primary key,
    story_id         uuid not null references story (id) on delete cascade,
    credit           varchar(20) not null,
    credit_member_id uuid references member (id) on delete set null,
    credit_site_id   uuid references site (id) on delete set null,
    edit_key_hash    varchar(64),
    status           varchar(20) not null,
    moderation_note  varchar(1000),
    body             varchar(4000) not null,
    created_at       timestamp(6) with time zone not null,
    constraint story_comment_anonymous_has_key check ((credit = 'NOBODY') = (edit_key_hash is not null)),
    constraint story_comment_anonymous_has_no_author
        check (credit <> 'NOBODY' or (credit_member_id is null and credit_site_id is null))
);

create index story_comment_story on story_comment (story_id);

-- One row per person and kind, so that a second click takes the reaction back; only counts are ever shown.
create table story_reaction (
    story_id   uuid not null references story (id) on delete cascade,
    account_id uuid not null references account (id) on delete cascade,
    kind       varchar(20) not null,
    primary key (story_id, account_id, kind)
);

-- Reports keep no reporter: reporting is safe for anyone, and the facilitator needs only the reason.
create table story_report (
    id         uuid primary key,
    story_id   uuid not null references story (id) on delete cascade,
    comment_id uuid references story_comment (id) on delete cascade,
    reason     varchar(1000) not null,
    created_at timestamp(6) with time zone not null
);

create index story_report_story on story_report (story_id);

-- Drafts are private to their author and deleted when the story is posted.
create table story_draft (
    id               uuid primary key,
    collaborative_id uuid not null references collaborative (id) on delete cascade,
    member_id        uuid not null references member (id) on delete cascade,
    content          varchar(40000) not null,
    updated_at       timestamp(6) with time zone not null
);

create index story_draft_member on story_draft (member_id);

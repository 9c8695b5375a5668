-- Event bodies (an activity's published results, a change to its state) have no practical size limit: a varchar
-- without a length holds up to 1e9 characters on H2 and 1 GB on PostgreSQL, and is read back as a plain string.
alter table session_event alter column body set data type varchar;

-- The whole state of a live session (agenda, rooms, chat, results, the running activity's state and timers) as of
-- event seq, written in the same transaction as the batch that reached seq. A session is restored from its latest
-- snapshot and the events after it; older snapshots are deleted as newer ones are written. PostgreSQL compresses
-- large values itself (TOAST).
create table session_snapshot (
    session_id uuid not null references learning_session (id) on delete cascade,
    seq        bigint not null,
    state      varchar not null,
    created_at timestamp(6) with time zone not null,
    primary key (session_id, seq)
);

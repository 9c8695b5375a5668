-- Anonymous stories and comments wait here, durable, from their posting until the mixer writes them to their tables
-- at a random later moment, several at once in shuffled order, so that no row, row order or transaction of those
-- tables sits beside their author's own actions. A row names no author and no posting time (only the randomised
-- moment it is due), and it is deleted in the transaction that writes its item.
create table story_spool (
    id     uuid primary key,
    kind   varchar(20) not null,
    due_at timestamp(0) with time zone not null,
    item   varchar(60000) not null
);

-- Which server node holds each live session, when several nodes share one PostgreSQL. The advisory lock on the
-- node's connection is what makes a node the owner; this row only tells the other nodes where to relay clients.
create table session_owner (
    session_id uuid primary key,
    node_url varchar(300) not null,
    since timestamp not null
);

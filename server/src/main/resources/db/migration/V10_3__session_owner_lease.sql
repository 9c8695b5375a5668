-- A session's owner keeps a lease on it, renewed every second or so, so that an owner that stops answering while its
-- connection stays open (paused, hung) can be replaced; and an epoch, raised by every takeover, which each write to
-- the session's log checks in its own transaction, so that a replaced owner can never write again.
alter table session_owner add column epoch bigint default 0 not null;

alter table session_owner add column lease_until timestamp with time zone;

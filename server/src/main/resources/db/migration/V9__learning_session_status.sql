-- Whether each learning session is scheduled, live or ended, kept beside the session by the live engine in the same
-- transaction as the event that changes it, so that finding the running sessions (at start-up, and every few
-- seconds on each node of a cluster, to take over those whose owner has gone) reads an index, not the event log.
alter table learning_session add column status varchar(20) default 'scheduled' not null;

update learning_session set status = 'live'
where exists (select 1 from session_event e where e.session_id = learning_session.id and e.type = 'session.started');

update learning_session set status = 'ended'
where exists (select 1 from session_event e where e.session_id = learning_session.id and e.type = 'session.ended');

create index learning_session_status on learning_session (status);

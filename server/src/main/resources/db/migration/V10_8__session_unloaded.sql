-- When a running session left memory because nobody was in it: no node runs it (nor its timers) until someone says
-- hello to it again. Null while a node runs it, or may.
alter table learning_session add column unloaded_at timestamp(6) with time zone;

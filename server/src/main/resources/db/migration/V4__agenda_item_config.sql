-- The configuration an activity of an agenda item starts with (JSON), such as a poll's question and answers.
alter table agenda_item add column config varchar(20000);

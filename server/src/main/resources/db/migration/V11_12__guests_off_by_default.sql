alter table learning_session alter column guests_allowed set default false;

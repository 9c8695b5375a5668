-- A story's or comment's credit is kept by the names of the one Credit: PERSON, SITE, ANONYMOUS.
alter table story drop constraint story_anonymous_has_key;
alter table story drop constraint story_anonymous_has_no_author;
alter table story_comment drop constraint story_comment_anonymous_has_key;
alter table story_comment drop constraint story_comment_anonymous_has_no_author;

update story set credit = 'SITE' where credit = 'TEAM';
update story set credit = 'ANONYMOUS' where credit = 'NOBODY';
update story_comment set credit = 'SITE' where credit = 'TEAM';
update story_comment set credit = 'ANONYMOUS' where credit = 'NOBODY';

alter table story add constraint story_anonymous_has_key check ((credit = 'ANONYMOUS') = (edit_key_hash is not null));
alter table story add constraint story_anonymous_has_no_author
    check (credit <> 'ANONYMOUS' or (credit_member_id is null and credit_site_id is null));
alter table story_comment add constraint story_comment_anonymous_has_key
    check ((credit = 'ANONYMOUS') = (edit_key_hash is not null));
alter table story_comment add constraint story_comment_anonymous_has_no_author
    check (credit <> 'ANONYMOUS' or (credit_member_id is null and credit_site_id is null));

-- A member's request to move to another site, which a facilitator or that site's lead approves; until then the
-- member keeps their site and nothing of the requested one opens to them.
alter table member add column move_site_id uuid references site (id) on delete set null;
alter table member add column move_requested_at timestamp(6) with time zone;

create index member_move_site on member (move_site_id);

-- The audit page matches the user ignoring case. lower(actor) = lower(:actor) could use no index (H2 has no
-- expression indexes), so each search by user read the whole table. The actor in lower case gets a column of its
-- own, filled here for the events already written and by every insert after, with an index newest first.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and on PostgreSQL 16.

alter table audit_event add column actor_lower varchar(100);

update audit_event set actor_lower = lower(actor);

alter table audit_event alter column actor_lower set not null;

create index ix_audit_event_actor_lower_occurred_at on audit_event (actor_lower, occurred_at);

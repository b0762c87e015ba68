-- Events about a draft also name the draft and its revision (the draft's version) in columns of their own, so that
-- the audit page can filter by draft. Events written before this migration keep both columns null; their target
-- text still names the draft.
-- Indexes for the audit page's filters, each newest first; (actor, occurred_at) replaces the index on actor alone.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and on PostgreSQL 16.

alter table audit_event add column draft_id bigint;
alter table audit_event add column draft_version bigint;

create index ix_audit_event_draft_occurred_at on audit_event (draft_id, occurred_at);
create index ix_audit_event_actor_occurred_at on audit_event (actor, occurred_at);
create index ix_audit_event_action_occurred_at on audit_event (action, occurred_at);

drop index ix_audit_event_actor;

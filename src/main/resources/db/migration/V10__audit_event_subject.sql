-- Audit events name their subject generically: a kind (DRAFT, PUSH, ROLE, USER_PROFILE, USER) and an id within it,
-- plus the IAM role name and AWS account where there is one, so that new subjects need no new columns and the help
-- desk can search by role and account. The draft columns (draft_id, draft_version, draft_revision) stay: existing
-- rows keep reading as they did, and the CSV export keeps its columns. Events about a draft written before this
-- migration get their kind and id here; their role name and account stay unknown (null).
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and on PostgreSQL 16.

alter table audit_event add column subject_kind varchar(32);
alter table audit_event add column subject_id varchar(200);
alter table audit_event add column role_name varchar(64);
alter table audit_event add column account_id varchar(12);

update audit_event set subject_kind = 'DRAFT', subject_id = cast(draft_id as varchar(200)) where draft_id is not null;

create index ix_audit_event_subject_occurred_at on audit_event (subject_kind, subject_id, occurred_at);
create index ix_audit_event_role_name_occurred_at on audit_event (role_name, occurred_at);
create index ix_audit_event_account_id_occurred_at on audit_event (account_id, occurred_at);

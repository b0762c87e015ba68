-- A submitted revision, the reviewers' decisions on it and the comments about it are the record of a security
-- review: they are kept. A draft that was ever submitted can no longer be deleted (the Draft aggregate refuses it),
-- and the database refuses it too instead of deleting those rows with the draft (V5 declared on delete cascade).
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and on PostgreSQL 16.

alter table draft_revision drop constraint fk_draft_revision_draft;
alter table draft_revision add constraint fk_draft_revision_draft
    foreign key (draft_id) references draft (id) on delete restrict;

alter table draft_decision drop constraint fk_draft_decision_draft;
alter table draft_decision add constraint fk_draft_decision_draft
    foreign key (draft_id) references draft (id) on delete restrict;

alter table draft_comment drop constraint fk_draft_comment_draft;
alter table draft_comment add constraint fk_draft_comment_draft
    foreign key (draft_id) references draft (id) on delete restrict;

-- Events about a reviewed draft (submitted, approved, approval recorded, rejected, back to editing, commented) also
-- name the revision they are about, the draft's current revision number; draft_version stays the draft's
-- optimistic-lock version after the event. Null for every other event and for events written before this migration.
alter table audit_event add column draft_revision integer;

-- Wizard step 6 is called SUMMARY in the code (its page keeps the title "Review" and the URL .../steps/review): the
-- security review is the only "review". Drafts that reached the last step are renamed with it.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and on PostgreSQL 16.

alter table draft drop constraint ck_draft_step;

update draft set step_reached = 'SUMMARY' where step_reached = 'REVIEW';

alter table draft add constraint ck_draft_step
    check (step_reached in ('BASICS', 'ACTIVITIES', 'MODELS', 'CANVAS', 'COLLABORATION', 'SUMMARY'));

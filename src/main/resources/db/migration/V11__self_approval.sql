-- An approval node may let the submitter decide on their own request; by default the submitter is never an approver.
alter table af_approval add column submitter_may_approve boolean default false not null;

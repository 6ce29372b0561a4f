-- Where an execution came from (the click or call that started it), and the execution that runs after it when the
-- asynchronous workflows of one click run one after another.
alter table af_execution add column operator varchar(64);
alter table af_execution add column source varchar(8);
alter table af_execution add column page_id bigint;
alter table af_execution add column block_id bigint;
alter table af_execution add column button_id bigint;
alter table af_execution add column record_ids varchar(2000);
alter table af_execution add column next_id bigint;

-- The workflows bound to a button, in order: a JSON list of {"workflowKey": …, "associationPath": …}.
alter table af_button add column bindings varchar(100000) not null default '[]';

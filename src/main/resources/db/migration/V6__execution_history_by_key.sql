-- The history of a workflow spans its versions: executions are listed, newest first, by key.
create index ix_af_execution_key on af_execution (wf_key, id);

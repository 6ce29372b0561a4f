-- Retention: finished executions are removed by age, in batches, oldest first.
create index ix_af_execution_finished on af_execution (finished_at);

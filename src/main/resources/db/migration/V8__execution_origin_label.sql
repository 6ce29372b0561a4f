-- The button a click came from, as it was named then ("Orders › Submit"), for the execution history.
alter table af_execution add column origin_label varchar(300);

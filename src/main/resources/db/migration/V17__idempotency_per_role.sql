-- An Idempotency-Key is per user and the role they act with (issue 26): the same key under two roles is two calls.
alter table af_idempotency add column acting_role varchar(64) default '' not null;
alter table af_idempotency drop constraint uk_af_idempotency;
alter table af_idempotency add constraint uk_af_idempotency unique (username, acting_role, idem_key);

-- Webhooks (issue 28): a workflow's hook, the address other systems call and the secret they sign with (shown to the
-- admin once, when made). The address stays when the secret is renewed, and across the workflow's versions.
create table af_webhook (
    workflow_key  varchar(64)  not null primary key,
    hook_key      varchar(64)  not null unique,
    secret        varchar(200) not null,
    created_at    timestamp(6) with time zone not null
);
-- Deliveries that named their id: a redelivery is answered as the first was (status 0 while it still runs); the digest
-- of its method, query and body tells a redelivery from an id used again for another call.
create table af_webhook_delivery (
    hook_key      varchar(64)  not null,
    delivery_id   varchar(200) not null,
    digest        varchar(64)  not null,
    execution_id  bigint,
    status        integer      not null,
    answer        text,
    created_at    timestamp(6) with time zone not null,
    primary key (hook_key, delivery_id)
);

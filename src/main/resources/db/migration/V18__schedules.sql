-- Schedules (issue 28). A fixed schedule's next fire and how often it fired: a fire is made by the one instance whose
-- update moves next_fire_at on from the time it read, so a fire runs once however many instances wake for it.
create table af_schedule (
    workflow_key  varchar(64)  not null primary key,
    workflow_id   bigint       not null,
    next_fire_at  timestamp(6) with time zone,
    fires         integer      not null,
    last_fire_at  timestamp(6) with time zone
);
-- The fires made for records of date-field schedules: one row per record and due time, so a record fires once for a
-- date (and again when its date moves to another time).
create table af_schedule_fire (
    workflow_key  varchar(64)  not null,
    record_id     bigint       not null,
    due_at        timestamp(6) with time zone not null,
    primary key (workflow_key, record_id, due_at)
);

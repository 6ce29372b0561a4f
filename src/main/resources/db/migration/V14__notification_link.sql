-- A notification may lead somewhere (issue 14): the record it is about, or the approval task or request.
alter table af_notification add column link varchar(300);

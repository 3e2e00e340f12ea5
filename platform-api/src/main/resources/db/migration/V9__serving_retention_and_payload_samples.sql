-- How long an organization keeps its serving request log (the retention job deletes older rows), and payload
-- samples: a deployment keeps the bodies of that share of its requests (0 = none, the default), cut at 16 KiB.
alter table organizations add column request_log_retention_days integer default 30 not null;

alter table deployments add column payload_sample_rate double precision default 0 not null;

alter table inference_requests add column request_payload varchar(16384);
alter table inference_requests add column response_payload varchar(16384);
alter table inference_requests add column payload_truncated boolean default false not null;

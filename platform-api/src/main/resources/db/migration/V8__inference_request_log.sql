-- The request log of serving: one row per inference request that reached a deployment, written in batches off
-- the request thread and deleted once older than the retention (slipway.serving.request-log.retention, 30 days by
-- default). The request id is the one the answer carried (X-Request-Id) and a lineage node (request:<id>).
create table inference_requests (
    org_id          uuid          not null,
    id              uuid          not null,
    project_id      uuid          not null,
    deployment_id   uuid          not null,
    received_at     timestamp(6) with time zone not null,
    model_version   integer,
    latency_micros  bigint        not null,
    status          integer       not null,
    error_code      varchar(100),
    actor_kind      varchar(32)   not null,
    actor_id        varchar(64)   not null,
    actor_name      varchar(255)  not null,
    constraint pk_inference_requests primary key (org_id, id),
    constraint fk_inference_requests_deployment foreign key (org_id, deployment_id)
        references deployments (org_id, id) on delete cascade
);

create index ix_inference_requests_deployment on inference_requests (org_id, deployment_id, received_at, id);
create index ix_inference_requests_age on inference_requests (received_at);

-- Deployments: a model served over REST, bound to a stage (it follows promotions and rollbacks) or pinned to one
-- version. What users set lives in deployments; what the serving runtime observes (state, reason, the versions it
-- has loaded) lives in deployment_status, written by the platform, so a user's change and the runtime's report
-- never contend for one row. Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table deployments (
    org_id              uuid          not null,
    id                  uuid          not null,
    project_id          uuid          not null,
    name                varchar(63)   not null,
    model_id            uuid          not null,
    stage               varchar(16),
    pinned_version      integer,
    pool                varchar(63)   not null,
    replicas            integer       not null,
    batching            boolean       not null,
    batch_max_size      integer       not null,
    batch_max_delay_ms  integer       not null,
    viewers_may_infer   boolean       not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(64)   not null,
    updated_at          timestamp(6) with time zone not null,
    version             bigint        not null,
    constraint pk_deployments primary key (org_id, id),
    constraint uq_deployments_id unique (id),
    constraint uq_deployments_name unique (org_id, project_id, name),
    constraint fk_deployments_project foreign key (org_id, project_id) references projects (org_id, id) on delete cascade,
    constraint fk_deployments_model foreign key (org_id, model_id) references models (org_id, id),
    constraint ck_deployments_target check ((stage is null and pinned_version is not null)
                                            or (stage is not null and pinned_version is null)),
    constraint ck_deployments_stage check (stage is null or stage in ('staging', 'production')),
    constraint ck_deployments_replicas check (replicas between 1 and 64),
    constraint ck_deployments_batching check (batch_max_size >= 1 and batch_max_delay_ms between 0 and 100)
);

create index ix_deployments_model on deployments (org_id, model_id);

-- state: pending (nothing to serve yet), loading, ready, failed. serving_version answers requests; previous_version
-- stays loaded for an instant rollback. reason says why a deployment is pending or why its last load failed (a
-- deployment can be ready on its old version with the reason a newer one did not load).
create table deployment_status (
    org_id            uuid          not null,
    deployment_id     uuid          not null,
    state             varchar(16)   not null,
    reason            varchar(2000),
    serving_version   integer,
    previous_version  integer,
    updated_at        timestamp(6) with time zone not null,
    constraint pk_deployment_status primary key (org_id, deployment_id),
    constraint fk_deployment_status_deployment foreign key (org_id, deployment_id)
        references deployments (org_id, id) on delete cascade,
    constraint ck_deployment_status_state check (state in ('pending', 'loading', 'ready', 'failed'))
);

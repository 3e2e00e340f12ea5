-- Compute: pools (platform-wide; the database is their source of truth, the local defaults and Helm's values seed
-- it), each organization's quota on a pool, and runs with their reported metrics. A run's log lives in object
-- storage, in chunks under runs/<id>/log/ of the organization's bucket; the run row counts them.

create table compute_pools (
    name                 varchar(63)   not null,
    backend              varchar(16)   not null,
    accelerator          varchar(64)   not null,
    gpus_per_node        integer       not null,
    nodes                integer       not null,
    cpu_millis_per_node  bigint        not null,
    memory_mib_per_node  bigint        not null,
    purposes             varchar(64)   not null,
    node_selector        varchar(4000),
    tolerations          varchar(4000),
    namespace_pattern    varchar(128),
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    constraint pk_compute_pools primary key (name),
    constraint ck_compute_pools_backend check (backend in ('local', 'kubernetes')),
    constraint ck_compute_pools_capacity check (gpus_per_node >= 0 and nodes >= 1 and cpu_millis_per_node > 0
                                                and memory_mib_per_node > 0)
);

create table org_quotas (
    org_id                uuid          not null,
    pool                  varchar(63)   not null,
    max_gpus              integer,
    max_concurrent_runs   integer,
    gpu_hours_per_month   double precision,
    updated_at            timestamp(6) with time zone not null,
    constraint pk_org_quotas primary key (org_id, pool),
    constraint fk_org_quotas_org foreign key (org_id) references organizations (id) on delete cascade,
    constraint fk_org_quotas_pool foreign key (pool) references compute_pools (name),
    constraint ck_org_quotas_limits check ((max_gpus is null or max_gpus >= 0)
                                           and (max_concurrent_runs is null or max_concurrent_runs >= 0)
                                           and (gpu_hours_per_month is null or gpu_hours_per_month >= 0))
);

-- state: queued, running, succeeded, failed, cancelled, timed_out. spec is the run's JSON request as admitted
-- (command, env, inputs, params, outputs). runner names the server that runs a local run (host-pid), process_id
-- and process_started_at its process group, so a restarted server can tell its leftovers.
create table runs (
    org_id              uuid          not null,
    id                  uuid          not null,
    project_id          uuid          not null,
    number              integer       not null,
    name                varchar(128),
    pool                varchar(63)   not null,
    spec                varchar(100000) not null,
    cpu_millis          bigint        not null,
    memory_mib          bigint        not null,
    gpus                integer       not null,
    timeout_seconds     bigint        not null,
    state               varchar(16)   not null,
    queue_reason        varchar(500),
    exit_code           integer,
    reason              varchar(2000),
    token_hash          varchar(64)   not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(64)   not null,
    created_by_name     varchar(255)  not null,
    started_at          timestamp(6) with time zone,
    ended_at            timestamp(6) with time zone,
    runner              varchar(255),
    process_id          bigint,
    process_started_at  timestamp(6) with time zone,
    heartbeat_at        timestamp(6) with time zone,
    cancel_requested    boolean       default false not null,
    log_chunks          integer       default 0 not null,
    log_bytes           bigint        default 0 not null,
    log_truncated       boolean       default false not null,
    output_models       varchar(4000),
    version             bigint        not null,
    constraint pk_runs primary key (org_id, id),
    constraint uq_runs_id unique (id),
    constraint uq_runs_number unique (org_id, project_id, number),
    constraint uq_runs_token unique (token_hash),
    constraint fk_runs_project foreign key (org_id, project_id) references projects (org_id, id) on delete cascade,
    constraint fk_runs_pool foreign key (pool) references compute_pools (name),
    constraint ck_runs_state check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'))
);

create index ix_runs_queue on runs (state, pool, created_at);
create index ix_runs_project on runs (org_id, project_id, number);

create table run_metrics (
    org_id       uuid              not null,
    run_id       uuid              not null,
    name         varchar(128)      not null,
    step         bigint            not null,
    metric_value double precision  not null,
    recorded_at  timestamp(6) with time zone not null,
    constraint pk_run_metrics primary key (org_id, run_id, name, step),
    constraint fk_run_metrics_run foreign key (org_id, run_id) references runs (org_id, id) on delete cascade
);

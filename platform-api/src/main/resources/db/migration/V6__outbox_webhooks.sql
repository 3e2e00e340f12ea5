-- The outbox (events a change must cause later, written in the change's own transaction), the project webhooks
-- that receive them, each webhook's deliveries, and db-scheduler's table of leased background work. Written to run
-- unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Where each organization's outbox sequence stands. Publishing locks this row until its transaction ends, so an
-- organization's events commit in the order of their sequence numbers (as its audit events do).
create table outbox_heads (
    org_id    uuid    not null,
    last_seq  bigint  not null,
    constraint pk_outbox_heads primary key (org_id),
    constraint fk_outbox_heads_org foreign key (org_id) references organizations (id)
);

-- relayed_at is set once the event has been handed to its subscribers (webhook deliveries are created then).
create table outbox_events (
    org_id        uuid          not null,
    seq           bigint        not null,
    id            uuid          not null,
    project_id    uuid          not null,
    source        varchar(200)  not null,
    type          varchar(100)  not null,
    subject       varchar(500),
    data          varchar(100000) not null,
    occurred_at   timestamp(6) with time zone not null,
    relayed_at    timestamp(6) with time zone,
    constraint pk_outbox_events primary key (org_id, seq),
    constraint uq_outbox_events_id unique (id),
    constraint fk_outbox_events_project foreign key (org_id, project_id)
        references projects (org_id, id) on delete cascade
);

create index ix_outbox_events_unrelayed on outbox_events (relayed_at, org_id, seq);

-- A project's webhook. event_types is a comma-separated list ('' = every type). The signing secret is kept
-- encrypted (AES-GCM under a key outside the database) and is never shown after it is created or rotated.
create table webhooks (
    org_id            uuid           not null,
    id                uuid           not null,
    project_id        uuid           not null,
    url               varchar(2000)  not null,
    event_types       varchar(2000)  not null,
    description       varchar(500),
    enabled           boolean        not null,
    secret_encrypted  varchar(200)   not null,
    created_at        timestamp(6) with time zone not null,
    created_by        varchar(64)    not null,
    updated_at        timestamp(6) with time zone not null,
    version           bigint         not null,
    constraint pk_webhooks primary key (org_id, id),
    constraint uq_webhooks_id unique (id),
    constraint fk_webhooks_project foreign key (org_id, project_id)
        references projects (org_id, id) on delete cascade
);

create index ix_webhooks_project on webhooks (org_id, project_id, created_at);

-- One event for one webhook. A webhook's deliveries go out in event_seq order: only its oldest pending delivery
-- is attempted, and the later ones wait while it is retried.
create table webhook_deliveries (
    org_id            uuid          not null,
    id                uuid          not null,
    webhook_id        uuid          not null,
    event_id          uuid          not null,
    event_seq         bigint        not null,
    event_type        varchar(100)  not null,
    status            varchar(16)   not null,
    attempts          integer       not null,
    last_status_code  integer,
    last_error        varchar(1000),
    last_attempt_at   timestamp(6) with time zone,
    next_attempt_at   timestamp(6) with time zone,
    delivered_at      timestamp(6) with time zone,
    created_at        timestamp(6) with time zone not null,
    constraint pk_webhook_deliveries primary key (org_id, id),
    constraint uq_webhook_deliveries_id unique (id),
    constraint uq_webhook_deliveries_event unique (org_id, webhook_id, event_seq),
    constraint fk_webhook_deliveries_webhook foreign key (org_id, webhook_id)
        references webhooks (org_id, id) on delete cascade,
    constraint ck_webhook_deliveries_status check (status in ('pending', 'delivered', 'failed'))
);

create index ix_webhook_deliveries_pending on webhook_deliveries (status, next_attempt_at);

-- db-scheduler's executions (com.github.kagkarlsson:db-scheduler): a row is picked (leased) by one server at a
-- time and kept alive by its heartbeat; a server that dies leaves it to be revived by another (or by itself after
-- a restart). Its PostgreSQL schema, with varchar keys where it has text (H2 cannot index text).
create table scheduled_tasks (
    task_name             varchar(100)  not null,
    task_instance         varchar(250)  not null,
    task_data             bytea,
    execution_time        timestamp(6) with time zone not null,
    picked                boolean       not null,
    picked_by             varchar(100),
    last_success          timestamp(6) with time zone,
    last_failure          timestamp(6) with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp(6) with time zone,
    version               bigint        not null,
    priority              smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);

create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

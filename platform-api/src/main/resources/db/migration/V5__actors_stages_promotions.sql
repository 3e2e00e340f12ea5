-- Promotions and the seams they build: who acted (the actor's kind in the audit trail), stages as their own
-- rows with an append-only history, per-project promotion policies, and promotion requests with their
-- decisions. As in V1-V4, tenant-owned keys lead with org_id, and everything runs unchanged on PostgreSQL and
-- on H2 in PostgreSQL mode.

-- person, service-account, run or platform; events written before this migration have none (persons all),
-- and their hashes, which did not cover it, stay valid
alter table audit_events add column actor_kind varchar(16);
alter table platform_audit_events add column actor_kind varchar(16);

-- Which version holds which stage of a model. Staging and production have one holder each (slot 0); archived
-- has any number (slot = the version number). A version holds at most one stage; one holding none is in
-- development. A version's stage is read from here, never kept on the version row.
create table model_stages (
    org_id          uuid          not null,
    id              uuid          not null,
    model_id        uuid          not null,
    stage           varchar(16)   not null,
    slot            integer       not null,
    version_id      uuid          not null,
    version_number  integer       not null,
    since           timestamp(6) with time zone not null,
    constraint pk_model_stages primary key (org_id, id),
    constraint uq_model_stages_id unique (id),
    constraint uq_model_stages_holder unique (org_id, model_id, stage, slot),
    constraint uq_model_stages_version unique (org_id, version_id),
    constraint fk_model_stages_model foreign key (org_id, model_id) references models (org_id, id),
    constraint fk_model_stages_version foreign key (org_id, version_id) references model_versions (org_id, id),
    constraint ck_model_stages_stage check (stage in ('staging', 'production', 'archived')),
    constraint ck_model_stages_slot check ((stage = 'archived' and slot = version_number)
        or (stage <> 'archived' and slot = 0))
);

insert into model_stages (org_id, id, model_id, stage, slot, version_id, version_number, since)
    select org_id, id, model_id, stage, case when stage = 'archived' then number else 0 end, id, number, created_at
    from model_versions where stage <> 'development';

alter table model_versions drop column stage;

-- Every change of a single-holder stage, append-only: seq counts the changes of one model's stage from 1
-- without gaps, and each change starts from the version the previous one ended with.
create table stage_history (
    org_id              uuid          not null,
    id                  uuid          not null,
    model_id            uuid          not null,
    stage               varchar(16)   not null,
    seq                 integer       not null,
    from_version        integer,
    to_version          integer,
    cause               varchar(16)   not null,
    request_id          uuid,
    previous_holder_to  varchar(16),
    actor_kind          varchar(16)   not null,
    actor_id            varchar(64)   not null,
    actor_name          varchar(255)  not null,
    reason              varchar(2000),
    created_at          timestamp(6) with time zone not null,
    constraint pk_stage_history primary key (org_id, id),
    constraint uq_stage_history_id unique (id),
    constraint uq_stage_history_seq unique (org_id, model_id, stage, seq),
    constraint fk_stage_history_model foreign key (org_id, model_id) references models (org_id, id),
    constraint ck_stage_history_stage check (stage in ('staging', 'production')),
    constraint ck_stage_history_cause check (cause in ('promotion', 'rollback', 'override'))
);

-- A project's promotion policy; a project without a row has the defaults (see PromotionPolicy).
create table promotion_policies (
    org_id                     uuid          not null,
    project_id                 uuid          not null,
    staging_requires_approval  boolean       not null,
    production_approvals       integer       not null,
    previous_holder_to         varchar(16)   not null,
    gates_json                 varchar(100000) not null,
    gates_without_production   varchar(8)    not null,
    admin_override             boolean       not null,
    updated_at                 timestamp(6) with time zone not null,
    updated_by                 varchar(64)   not null,
    updated_by_name            varchar(255)  not null,
    row_version                integer       not null,
    constraint pk_promotion_policies primary key (org_id, project_id),
    constraint fk_promotion_policies_project foreign key (org_id, project_id) references projects (org_id, id)
        on delete cascade,
    constraint ck_promotion_policies_approvals check (production_approvals between 1 and 5),
    constraint ck_promotion_policies_previous check (previous_holder_to in ('development', 'archived')),
    constraint ck_promotion_policies_without check (gates_without_production in ('pass', 'fail'))
);

-- A request to move a model version into a stage, with the evidence as it stood when it was made.
create table promotion_requests (
    org_id              uuid          not null,
    id                  uuid          not null,
    project_id          uuid          not null,
    model_id            uuid          not null,
    version_id          uuid          not null,
    version_number      integer       not null,
    target_stage        varchar(16)   not null,
    state               varchar(16)   not null,
    justification       varchar(2000) not null,
    base_version        integer,
    evidence_json       varchar(100000) not null,
    gates_passed        boolean       not null,
    approvals_required  integer       not null,
    requested_by        varchar(64)   not null,
    requested_by_name   varchar(255)  not null,
    created_at          timestamp(6) with time zone not null,
    decided_at          timestamp(6) with time zone,
    override_reason     varchar(2000),
    row_version         integer       not null,
    constraint pk_promotion_requests primary key (org_id, id),
    constraint uq_promotion_requests_id unique (id),
    constraint fk_promotion_requests_model foreign key (org_id, model_id) references models (org_id, id),
    constraint fk_promotion_requests_version foreign key (org_id, version_id) references model_versions (org_id, id),
    constraint ck_promotion_requests_stage check (target_stage in ('staging', 'production')),
    constraint ck_promotion_requests_state check (state in ('pending', 'approved', 'rejected', 'superseded'))
);

create index ix_promotion_requests_project on promotion_requests (org_id, project_id, state, created_at);
create index ix_promotion_requests_model on promotion_requests (org_id, model_id, target_stage, state);

-- Each approval or rejection of a request: one per person and request.
create table promotion_decisions (
    org_id       uuid          not null,
    id           uuid          not null,
    request_id   uuid          not null,
    decision     varchar(8)    not null,
    actor_kind   varchar(16)   not null,
    actor_id     varchar(64)   not null,
    actor_name   varchar(255)  not null,
    comment      varchar(2000),
    created_at   timestamp(6) with time zone not null,
    constraint pk_promotion_decisions primary key (org_id, id),
    constraint uq_promotion_decisions_id unique (id),
    constraint uq_promotion_decisions_actor unique (org_id, request_id, actor_id),
    constraint fk_promotion_decisions_request foreign key (org_id, request_id)
        references promotion_requests (org_id, id),
    constraint ck_promotion_decisions_decision check (decision in ('approve', 'reject'))
);

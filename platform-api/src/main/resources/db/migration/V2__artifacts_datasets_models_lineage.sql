-- Content-addressed artifacts, datasets and models with numbered versions, and lineage edges.
-- As in V1, every key, unique constraint and foreign key leads with org_id.

-- One row per distinct content in an organization; the object lives at sha256/<hex> in the
-- organization's bucket. Versions reference artifacts; the garbage collector deletes objects no row names.
create table artifacts (
    org_id      uuid          not null,
    sha256      varchar(64)   not null,
    size_bytes  bigint        not null,
    object_key  varchar(80)   not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64)   not null,
    constraint pk_artifacts primary key (org_id, sha256),
    constraint fk_artifacts_org foreign key (org_id) references organizations (id)
);

create table datasets (
    org_id          uuid          not null,
    id              uuid          not null,
    project_id      uuid          not null,
    name            varchar(63)   not null,
    latest_version  integer       not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)   not null,
    constraint pk_datasets primary key (org_id, id),
    constraint uq_datasets_id unique (id),
    constraint uq_datasets_name unique (org_id, project_id, name),
    constraint fk_datasets_project foreign key (org_id, project_id) references projects (org_id, id)
);

create table dataset_versions (
    org_id           uuid           not null,
    id               uuid           not null,
    dataset_id       uuid           not null,
    number           integer        not null,
    artifact_sha256  varchar(64)    not null,
    size_bytes       bigint         not null,
    media_type       varchar(255)   not null,
    file_name        varchar(255),
    description      varchar(2000),
    row_count        bigint,
    columns_json     varchar(100000),
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(64)    not null,
    created_by_name  varchar(255)   not null,
    constraint pk_dataset_versions primary key (org_id, id),
    constraint uq_dataset_versions_id unique (id),
    constraint uq_dataset_versions_number unique (org_id, dataset_id, number),
    constraint fk_dataset_versions_dataset foreign key (org_id, dataset_id) references datasets (org_id, id),
    constraint fk_dataset_versions_artifact foreign key (org_id, artifact_sha256) references artifacts (org_id, sha256)
);

create table models (
    org_id          uuid          not null,
    id              uuid          not null,
    project_id      uuid          not null,
    name            varchar(63)   not null,
    latest_version  integer       not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)   not null,
    constraint pk_models primary key (org_id, id),
    constraint uq_models_id unique (id),
    constraint uq_models_name unique (org_id, project_id, name),
    constraint fk_models_project foreign key (org_id, project_id) references projects (org_id, id)
);

create table model_versions (
    org_id             uuid            not null,
    id                 uuid            not null,
    model_id           uuid            not null,
    number             integer         not null,
    artifact_sha256    varchar(64)     not null,
    size_bytes         bigint          not null,
    file_name          varchar(255),
    format             varchar(16)     not null,
    servable           boolean         not null,
    signature_json     varchar(100000),
    description        varchar(2000),
    framework          varchar(64),
    params_json        varchar(100000),
    metrics_json       varchar(100000),
    tags_json          varchar(10000),
    source_repository  varchar(512),
    source_commit      varchar(64),
    run_id             uuid,
    stage              varchar(16)     not null,
    created_at         timestamp(6) with time zone not null,
    created_by         varchar(64)     not null,
    created_by_name    varchar(255)    not null,
    constraint pk_model_versions primary key (org_id, id),
    constraint uq_model_versions_id unique (id),
    constraint uq_model_versions_number unique (org_id, model_id, number),
    constraint fk_model_versions_model foreign key (org_id, model_id) references models (org_id, id),
    constraint fk_model_versions_artifact foreign key (org_id, artifact_sha256) references artifacts (org_id, sha256),
    constraint ck_model_versions_stage check (stage in ('development', 'staging', 'production', 'archived')),
    constraint ck_model_versions_format check (format in ('onnx', 'pickle', 'joblib', 'zip', 'pmml', 'other'))
);

-- Lineage: directed edges between versioned things of one project (data flows from -> to).
create table lineage_edges (
    org_id      uuid          not null,
    id          uuid          not null,
    project_id  uuid          not null,
    from_kind   varchar(32)   not null,
    from_id     uuid          not null,
    to_kind     varchar(32)   not null,
    to_id       uuid          not null,
    relation    varchar(32)   not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_lineage_edges primary key (org_id, id),
    constraint uq_lineage_edges_id unique (id),
    constraint uq_lineage_edges_pair unique (org_id, from_kind, from_id, to_kind, to_id),
    constraint fk_lineage_edges_project foreign key (org_id, project_id) references projects (org_id, id)
);

create index ix_lineage_edges_to on lineage_edges (org_id, to_kind, to_id);

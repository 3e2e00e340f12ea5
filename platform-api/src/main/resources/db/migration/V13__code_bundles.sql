-- A project's code bundles: an archive (tar, tar.gz or zip; its bytes are the artifact sha256) that runs start from.
-- The same bytes are one bundle per project.
create table code_bundles (
    org_id          uuid          not null,
    id              uuid          not null,
    project_id      uuid          not null,
    sha256          varchar(64)   not null,
    size_bytes      bigint        not null,
    file_name       varchar(255),
    format          varchar(8)    not null,
    files           integer       not null,
    unpacked_bytes  bigint        not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)   not null,
    constraint pk_code_bundles primary key (org_id, id),
    constraint uq_code_bundles_id unique (id),
    constraint uq_code_bundles_content unique (org_id, project_id, sha256),
    constraint fk_code_bundles_project foreign key (org_id, project_id) references projects (org_id, id)
        on delete cascade,
    constraint fk_code_bundles_artifact foreign key (org_id, sha256) references artifacts (org_id, sha256),
    constraint ck_code_bundles_format check (format in ('tar', 'tar.gz', 'zip'))
);
create index ix_code_bundles_project on code_bundles (org_id, project_id, created_at);

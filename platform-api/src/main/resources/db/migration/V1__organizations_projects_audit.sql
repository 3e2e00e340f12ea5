-- Organizations (tenants), their members, projects, project roles and the audit trail.
-- Every tenant-owned table leads its keys and unique constraints with org_id, and its foreign keys carry
-- org_id too, so no row can point at another organization's row. Written to run unchanged on PostgreSQL and
-- on H2 in PostgreSQL mode.

create table organizations (
    id          uuid          not null,
    slug        varchar(63)   not null,
    name        varchar(200)  not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64)   not null,
    constraint pk_organizations primary key (id),
    constraint uq_organizations_slug unique (slug)
);

create table org_members (
    org_id      uuid          not null,
    id          uuid          not null,
    user_id     varchar(64)   not null,
    username    varchar(255)  not null,
    role        varchar(16)   not null,
    added_at    timestamp(6) with time zone not null,
    added_by    varchar(64)   not null,
    constraint pk_org_members primary key (org_id, id),
    constraint uq_org_members_id unique (id),
    constraint uq_org_members_user unique (org_id, user_id),
    constraint fk_org_members_org foreign key (org_id) references organizations (id),
    constraint ck_org_members_role check (role in ('owner', 'member'))
);

create table projects (
    org_id      uuid          not null,
    id          uuid          not null,
    slug        varchar(63)   not null,
    name        varchar(200)  not null,
    description varchar(2000),
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64)   not null,
    version     bigint        not null,
    constraint pk_projects primary key (org_id, id),
    constraint uq_projects_id unique (id),
    constraint uq_projects_slug unique (org_id, slug),
    constraint fk_projects_org foreign key (org_id) references organizations (id)
);

create table project_members (
    org_id      uuid          not null,
    id          uuid          not null,
    project_id  uuid          not null,
    user_id     varchar(64)   not null,
    username    varchar(255)  not null,
    role        varchar(16)   not null,
    granted_at  timestamp(6) with time zone not null,
    granted_by  varchar(64)   not null,
    constraint pk_project_members primary key (org_id, id),
    constraint uq_project_members_id unique (id),
    constraint uq_project_members_user unique (org_id, project_id, user_id),
    constraint fk_project_members_project foreign key (org_id, project_id)
        references projects (org_id, id) on delete cascade,
    -- a project role needs organization membership; removing the member removes their project roles
    constraint fk_project_members_org_member foreign key (org_id, user_id)
        references org_members (org_id, user_id) on delete cascade,
    constraint ck_project_members_role check (role in ('viewer', 'data-scientist', 'manager', 'admin'))
);

create table audit_chain_heads (
    org_id      uuid          not null,
    last_seq    bigint        not null,
    last_hash   varchar(64)   not null,
    constraint pk_audit_chain_heads primary key (org_id),
    constraint fk_audit_chain_heads_org foreign key (org_id) references organizations (id)
);

create table audit_events (
    org_id       uuid          not null,
    seq          bigint        not null,
    id           uuid          not null,
    occurred_at  timestamp(6) with time zone not null,
    actor_id     varchar(64)   not null,
    actor_name   varchar(255)  not null,
    action       varchar(64)   not null,
    target_type  varchar(32)   not null,
    target_id    varchar(512)  not null,
    project_id   uuid,
    project_slug varchar(63),
    before_state varchar(100000),
    after_state  varchar(100000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null,
    constraint pk_audit_events primary key (org_id, seq),
    constraint uq_audit_events_id unique (id),
    constraint fk_audit_events_org foreign key (org_id) references organizations (id)
);

create index ix_audit_events_project on audit_events (org_id, project_id, seq);
create index ix_org_members_user on org_members (user_id);

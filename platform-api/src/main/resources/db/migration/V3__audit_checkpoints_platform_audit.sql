-- The audit trail as evidence: signed chain heads and checkpoints, the platform's own trail, and the uploads in
-- flight that garbage collection must leave alone. As in V1 and V2, tenant-owned keys lead with org_id, and
-- everything runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A head names the latest signed checkpoint of its chain, and carries an HMAC-SHA256 (under a key kept outside
-- the database) over its chain, last sequence number and hash, and that checkpoint. Heads written before this
-- migration have no signature until the first start after it signs them.
alter table audit_chain_heads add column checkpoint_seq bigint default 0 not null;
alter table audit_chain_heads add column mac varchar(64);

-- Signed statements "event <seq> of this chain has hash <hash>", one every few events (insert-only). Verifying
-- a page starts from the latest one, so its cost does not grow with the chain.
create table audit_checkpoints (
    org_id      uuid          not null,
    id          uuid          not null,
    seq         bigint        not null,
    hash        varchar(64)   not null,
    mac         varchar(64)   not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_audit_checkpoints primary key (org_id, seq),
    constraint uq_audit_checkpoints_id unique (id),
    constraint fk_audit_checkpoints_org foreign key (org_id) references organizations (id)
);

-- The platform's own chain (garbage collection and other work of no organization), readable by platform admins.
create table platform_audit_events (
    seq          bigint        not null,
    id           uuid          not null,
    occurred_at  timestamp(6) with time zone not null,
    actor_id     varchar(64)   not null,
    actor_name   varchar(255)  not null,
    action       varchar(64)   not null,
    target_type  varchar(32)   not null,
    target_id    varchar(512)  not null,
    before_state varchar(100000),
    after_state  varchar(100000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null,
    constraint pk_platform_audit_events primary key (seq),
    constraint uq_platform_audit_events_id unique (id)
);

create table platform_audit_heads (
    chain          varchar(16)   not null,
    last_seq       bigint        not null,
    last_hash      varchar(64)   not null,
    checkpoint_seq bigint        not null,
    mac            varchar(64),
    constraint pk_platform_audit_heads primary key (chain),
    constraint ck_platform_audit_heads_chain check (chain = 'platform')
);

-- the empty chain: appends lock this row, so it exists from the start
insert into platform_audit_heads (chain, last_seq, last_hash, checkpoint_seq)
values ('platform', 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

create table platform_audit_checkpoints (
    id          uuid          not null,
    seq         bigint        not null,
    hash        varchar(64)   not null,
    mac         varchar(64)   not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_platform_audit_checkpoints primary key (seq),
    constraint uq_platform_audit_checkpoints_id unique (id)
);

-- An upload between its first byte and its registration: written (and committed) before the upload writes
-- anything, given the content's digest once it is known, removed in the registration's transaction. Garbage
-- collection keeps everything such an upload may be writing or about to reference.
create table uploads_in_flight (
    org_id      uuid          not null,
    id          uuid          not null,
    started_at  timestamp(6) with time zone not null,
    sha256      varchar(64),
    constraint pk_uploads_in_flight primary key (org_id, id),
    constraint uq_uploads_in_flight_id unique (id),
    constraint fk_uploads_in_flight_org foreign key (org_id) references organizations (id)
);

-- Joining an organization takes the person's consent: an owner invites (by user name or e-mail), the person
-- accepts. Until then nothing tells the owner whether such an account exists, so the realm cannot be enumerated
-- through invitations. invitee is what the owner typed (lower case); invitee_user_id is the account it named
-- when the invitation was made, if any, and is never shown to the owner.
create table org_invitations (
    org_id           uuid          not null,
    id               uuid          not null,
    invitee          varchar(255)  not null,
    invitee_user_id  varchar(64),
    role             varchar(16)   not null,
    state            varchar(16)   not null,
    invited_by       varchar(64)   not null,
    invited_by_name  varchar(255)  not null,
    created_at       timestamp(6) with time zone not null,
    expires_at       timestamp(6) with time zone not null,
    decided_at       timestamp(6) with time zone,
    constraint pk_org_invitations primary key (org_id, id),
    constraint uq_org_invitations_id unique (id),
    constraint fk_org_invitations_org foreign key (org_id) references organizations (id),
    constraint ck_org_invitations_role check (role in ('owner', 'member')),
    constraint ck_org_invitations_state check (state in ('pending', 'accepted', 'declined', 'revoked'))
);

create index ix_org_invitations_invitee_user on org_invitations (invitee_user_id, state);
create index ix_org_invitations_org_invitee on org_invitations (org_id, invitee, state);

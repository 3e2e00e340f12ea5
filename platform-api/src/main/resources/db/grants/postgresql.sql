-- What Slipway's runtime database user (SLIPWAY_DB_USER, written :app below) may do on PostgreSQL, when the schema
-- belongs to another user that runs the migrations (SLIPWAY_DB_MIGRATION_USER). Slipway applies this file as the
-- migration user after migrating, at every start, so tables added by later migrations are covered too.

GRANT USAGE ON SCHEMA public TO :app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :app;

-- The audit trail is evidence: the runtime user appends to it and reads it, and can neither change nor remove it.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints, platform_audit_events,
    platform_audit_checkpoints FROM :app;
-- A chain's head moves forward with every event (and is locked to order appends), but is never removed.
REVOKE DELETE, TRUNCATE ON audit_chain_heads, platform_audit_heads FROM :app;

-- The schema's history is the migration user's business.
REVOKE ALL ON flyway_schema_history FROM :app;

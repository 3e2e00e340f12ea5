-- Each server polls the newest stage change and deployment change (a watermark) to switch its deployments
-- within a fraction of a second of a promotion or rollback made through any server; these keep the poll an
-- index lookup whatever the history's length.
create index ix_stage_history_created on stage_history (created_at);
create index ix_deployments_updated on deployments (updated_at);

-- Deployments served inside the Slipway servers were on a pool named 'local' before compute pools existed; that
-- pool is now the compute pool 'local-cpu' ('local' is still accepted as its old name).
update deployments set pool = 'local-cpu' where pool = 'local';

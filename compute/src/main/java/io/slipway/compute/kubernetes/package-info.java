/**
 * The kubernetes backend: a run becomes a suspended Job in its organization's namespace, admitted by Kueue
 * (a ResourceFlavor per pool, a ClusterQueue per organization with its quota, a LocalQueue per tenant namespace,
 * all kept in step by Slipway); a serving deployment becomes a Deployment of the serving replica with the same
 * placement; runs' states are read back from their Jobs.
 */
package io.slipway.compute.kubernetes;

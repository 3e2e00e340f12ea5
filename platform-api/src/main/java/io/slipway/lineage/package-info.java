/**
 * Lineage: directed edges between versioned things of a project (dataset version -> model version, later
 * runs, promotions and deployments), and the graph around any node, walked in both directions.
 */
package io.slipway.lineage;

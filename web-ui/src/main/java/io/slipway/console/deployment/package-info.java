/** The console's Deployments page: a project's deployments, their state and request log, and rollback. */
package io.slipway.console.deployment;

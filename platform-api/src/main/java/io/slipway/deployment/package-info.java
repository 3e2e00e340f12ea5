/**
 * Deployments: a registered model served over REST, bound to a stage (following its promotions and rollbacks) or
 * pinned to a version; the runtime that keeps each one's sessions loaded and switched; the Open Inference Protocol
 * data plane that answers with them.
 */
package io.slipway.deployment;

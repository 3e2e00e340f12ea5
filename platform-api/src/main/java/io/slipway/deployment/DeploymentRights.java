package io.slipway.deployment;

/**
 * What a person may do with a project's deployments, for the console to offer (every call is checked again).
 *
 * @param manage           create, change and remove deployments that do not follow production
 * @param manageProduction also those that follow production
 */
public record DeploymentRights(boolean manage, boolean manageProduction) {
}

/**
 * Projects inside an organization and their members' roles; {@link io.slipway.project.ProjectAccess} is the
 * way into one project's data for every project-level operation.
 */
package io.slipway.project;

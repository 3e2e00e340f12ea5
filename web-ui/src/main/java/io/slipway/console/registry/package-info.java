/**
 * The registry in the console: a project's datasets and models, their versions, downloads, lineage and
 * uploads, through the same services (and so the same rules) as the REST API.
 */
package io.slipway.console.registry;

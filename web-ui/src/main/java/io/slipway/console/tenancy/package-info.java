/** Console views of organizations and their projects. */
package io.slipway.console.tenancy;

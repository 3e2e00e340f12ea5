/** A project's page in the console: what it holds, in tabs. */
package io.slipway.console.project;

/**
 * The Vaadin console: the shell (layout, servlet, who is signed in) and paging helpers. Views call the
 * platform-api services, never repositories, so the console and the API enforce the same rules.
 */
package io.slipway.console;

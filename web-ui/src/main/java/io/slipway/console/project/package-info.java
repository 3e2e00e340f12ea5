/** A project in the console: its layout (header and side navigation) and its overview; the other pages are child routes. */
package io.slipway.console.project;

/** Page objects for the console's browser tests: what a person sees and does, not how Vaadin renders it. */
package io.slipway.it.console.pages;

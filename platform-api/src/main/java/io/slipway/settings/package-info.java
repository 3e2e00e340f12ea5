/**
 * The server's settings as a whole: which mode it runs in (local, or production) and the startup check
 * that refuses to run outside the local mode on a missing secret or a published dev-only default.
 */
package io.slipway.settings;

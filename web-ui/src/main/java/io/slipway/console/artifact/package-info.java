/**
 * Artifacts in the console: uploads stream from the browser straight into a service call, downloads are
 * redirects to short-lived presigned URLs of the object store, so the console never holds or serves the bytes.
 */
package io.slipway.console.artifact;

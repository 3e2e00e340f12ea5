/**
 * Artifacts: immutable, content-addressed objects (datasets and model files) in each organization's
 * bucket, the upload pipeline every artifact goes through, downloads, and the garbage collector that removes
 * what no version references.
 */
package io.slipway.artifact;

/**
 * Benchmarks against a running Slipway. {@link io.slipway.bench.ArtifactThroughput} uploads and downloads a
 * generated artifact through Slipway and, for comparison, with the MinIO SDK straight to the same S3 server,
 * and watches the server's heap while it streams. They print figures for people to read; they assert nothing.
 */
package io.slipway.bench;

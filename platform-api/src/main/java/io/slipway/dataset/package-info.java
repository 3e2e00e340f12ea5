/**
 * Datasets of a project and their numbered, immutable versions: uploaded files of any type (CSV ones are
 * profiled: row count, column names and types), downloadable by stream or presigned URL.
 */
package io.slipway.dataset;

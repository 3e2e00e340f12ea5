/**
 * The model registry: models of a project and their numbered, immutable versions with metadata (params,
 * metrics, tags, training data, source), format and — for ONNX — the signature ONNX Runtime read when it
 * validated the upload. Every version starts in stage {@code development}.
 */
package io.slipway.registry;

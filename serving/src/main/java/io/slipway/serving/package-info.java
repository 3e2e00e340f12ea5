/**
 * Serving: running registered ONNX models on ONNX Runtime. Today the {@link io.slipway.serving.OnnxInspector},
 * which loads an uploaded model the way serving will and reads its signature, or says why it cannot be served.
 */
package io.slipway.serving;

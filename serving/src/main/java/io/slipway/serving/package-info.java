/**
 * Serving: running registered ONNX models on ONNX Runtime. Today model inspection: the
 * {@link io.slipway.serving.IsolatedOnnxInspector}, which loads an uploaded model the way serving will, in a
 * short-lived child process with a memory and a time limit, and reads its signature or says why it cannot be served.
 */
package io.slipway.serving;

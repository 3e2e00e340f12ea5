/**
 * The built-in trainer, {@code slipway-train tabular --target <column>}: an ordinary run's program, started with
 * the server's Java, that trains a classifier on a CSV dataset version with Tribuo, reports held-out accuracy and
 * AUC per step with the run's token, and writes {@code model.onnx}.
 */
package io.slipway.compute.train;

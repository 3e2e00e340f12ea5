/**
 * Promotions: moving a model version into staging or production on a request with its evidence (metrics
 * beside the current holder's, CEL gates with their verdicts), approved under four eyes, and rolled back in
 * one step; the project's promotion policy says what each stage needs.
 */
package io.slipway.promotion;

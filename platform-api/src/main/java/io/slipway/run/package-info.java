/**
 * Runs: a command (or the built-in trainer) started on a compute pool, admitted by quota and fair share, watched
 * to its end with its log in object storage and its metrics reported with its own token; declared outputs become
 * model versions in the lineage.
 */
package io.slipway.run;

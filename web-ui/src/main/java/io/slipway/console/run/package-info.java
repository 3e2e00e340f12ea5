/** The console's Runs page: starting a run (a command or the built-in trainer), the queue, a run's live log and metric charts. */
package io.slipway.console.run;

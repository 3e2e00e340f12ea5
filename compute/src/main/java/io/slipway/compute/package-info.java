/**
 * Compute: what a pool can hold, who is admitted to it next (quotas, fair share across organizations), and the
 * local backend that runs a command as a process tree on this machine. No persistence here: platform-api keeps
 * pools, quotas and runs in the database and calls these pieces.
 */
package io.slipway.compute;

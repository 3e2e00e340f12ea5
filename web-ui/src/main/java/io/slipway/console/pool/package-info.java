/** The console's Pools and quotas page: each pool's capacity and use, and an organization's quotas and GPU-hours. */
package io.slipway.console.pool;

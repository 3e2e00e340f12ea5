/**
 * Reading the audit trails over the API: pages of events, filtered by project and time, with the verdict on the
 * chain's tail; the paged full verification; the platform's trail.
 */
package io.slipway.audit.trail;

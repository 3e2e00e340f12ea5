/** Reading the audit trail over the API: pages of events, filtered by project and time, with the chain's verdict. */
package io.slipway.audit.trail;

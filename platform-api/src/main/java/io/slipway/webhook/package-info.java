/**
 * A project's webhooks: signed CloudEvents (Standard Webhooks signatures) delivered in order per project and per
 * webhook from the outbox, retried with backoff, refused for private network destinations.
 */
package io.slipway.webhook;

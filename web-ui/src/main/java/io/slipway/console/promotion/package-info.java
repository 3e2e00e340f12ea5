/**
 * Promotions in the console: stage badges, requesting a promotion with its evidence, the stage history and
 * rollback, and the managers' inbox with each request's page (Approve and Reject), kept current by server push.
 */
package io.slipway.console.promotion;

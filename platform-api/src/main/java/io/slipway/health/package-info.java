/**
 * MicroProfile Health checks: ready once the schema is migrated and validated, the database and the object
 * store answer; the identity provider's reachability is reported without making the server unready.
 */
package io.slipway.health;

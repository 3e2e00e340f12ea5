/** MicroProfile Health checks: ready once the schema is migrated and validated. */
package io.slipway.health;

/**
 * Persistence plumbing shared by every feature: the tenant scope that Hibernate's discriminator
 * multi-tenancy reads, transactions, and the schema migration that runs before anything else.
 */
package io.slipway.persistence;

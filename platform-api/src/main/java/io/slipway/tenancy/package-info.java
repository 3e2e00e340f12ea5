/**
 * Organizations (the tenants), their members, and {@link io.slipway.tenancy.Tenancy}: the one way into an
 * organization's data, which resolves the organization, fixes the tenant for Hibernate and decides access.
 */
package io.slipway.tenancy;

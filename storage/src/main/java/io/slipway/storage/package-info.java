/**
 * Slipway's artifact store: content-addressed (SHA-256) datasets and models in one S3 bucket per
 * organization, on any S3 API (MinIO, AWS, the embedded S3Proxy), streamed with bounded memory.
 *
 * <p>{@link io.slipway.storage.ObjectStore} is the entry point. An upload is first {@linkplain
 * io.slipway.storage.ObjectStore#stage staged} under a temporary key while its SHA-256 and size are
 * computed, then {@linkplain io.slipway.storage.ObjectStore#promote promoted} to {@code sha256/<hex>}
 * (deduplicated within the organization) or {@linkplain io.slipway.storage.ObjectStore#discard
 * discarded}. Keys are only ever built from UUIDs and digests, never from user-supplied names. Plain
 * Java, no CDI: platform-api wires it. Which content keys are still referenced is platform-api's
 * business; this package only offers the listing and deletion the garbage collector needs.
 */
package io.slipway.storage;

package io.slipway.dataset;

/** The {@code metadata} part of a multipart dataset upload. */
public record DatasetUploadMetadata(String description) {
}

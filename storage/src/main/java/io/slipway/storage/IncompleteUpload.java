package io.slipway.storage;

import java.time.Instant;

/**
 * A multipart upload that was started and neither completed nor aborted, for instance because the server
 * stopped in the middle of one.
 *
 * @param key       the key the upload would have written
 * @param uploadId  the S3 upload id
 * @param initiated when it started: the earlier of the server's word and the time written into Slipway's own
 *                  temporary keys, so that a server which misreports the start (some S3 implementations answer
 *                  the time of the listing) cannot keep an abandoned upload alive
 */
public record IncompleteUpload(String key, String uploadId, Instant initiated) {
}

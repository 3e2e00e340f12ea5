package io.slipway.artifact;

import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes of one upload as a resource received them.
 *
 * @param content        the body, read once, as it arrives
 * @param declaredLength the client's Content-Length, or -1
 * @param mediaType      what the client says the content is ({@code application/octet-stream} if nothing)
 * @param fileName       the client's file name: metadata only, never a storage key
 * @param sha256         the content's SHA-256 as the client declared it (lowercase hex), if it did
 */
public record UploadBody(InputStream content, long declaredLength, String mediaType, Optional<String> fileName,
                         Optional<String> sha256) {

    /** A body whose client declared no digest. */
    public UploadBody(InputStream content, long declaredLength, String mediaType, Optional<String> fileName) {
        this(content, declaredLength, mediaType, fileName, Optional.empty());
    }

    /** A file name a person can read: no directories, quotes or control characters, at most 255 characters. */
    public Optional<String> safeFileName() {
        return fileName.map(FileNames::sanitize).filter(n -> !n.isBlank());
    }
}

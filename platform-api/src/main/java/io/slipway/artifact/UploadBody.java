package io.slipway.artifact;

import io.slipway.api.ContentType;
import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes of one upload as a resource received them.
 *
 * @param content        the body, read once, as it arrives
 * @param declaredLength the client's Content-Length, or -1
 * @param mediaType      what the client says the content is, in {@link ContentType#canonical canonical form}
 *                       ({@code application/octet-stream} if nothing, or not a media type)
 * @param fileName       the client's file name: metadata only, never a storage key
 * @param sha256         the content's SHA-256 as the client declared it (lowercase hex), if it did
 */
public record UploadBody(InputStream content, long declaredLength, String mediaType, Optional<String> fileName,
                         Optional<String> sha256) {

    /** The media type is kept in its canonical form: parsed once, lowercase, at most 255 characters. */
    public UploadBody {
        mediaType = ContentType.canonical(mediaType);
    }

    /** A body whose client declared no digest. */
    public UploadBody(InputStream content, long declaredLength, String mediaType, Optional<String> fileName) {
        this(content, declaredLength, mediaType, fileName, Optional.empty());
    }

    /** A file name a person can read: no directories, quotes or control characters, at most 255 characters. */
    public Optional<String> safeFileName() {
        return fileName.map(FileNames::sanitize).filter(n -> !n.isBlank());
    }
}

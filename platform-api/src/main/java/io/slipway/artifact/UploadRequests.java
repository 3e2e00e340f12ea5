package io.slipway.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.api.ContentType;
import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads an upload request in either of its two forms, streaming the file without buffering it:
 * <ul>
 *   <li>a raw body (any Content-Type but {@code multipart/*}, in any case): the content itself; metadata comes
 *       from the query;</li>
 *   <li>{@code multipart/form-data}: an optional {@code metadata} part (JSON) followed by a {@code file}
 *       part, whose file name is kept as metadata.</li>
 * </ul>
 * Either form may declare the file's SHA-256 in the query ({@code ?sha256=<64 hex digits>}): the upload is then
 * refused unless the file has that digest, and stored without a server-side copy.
 */
public final class UploadRequests {

    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private UploadRequests() {
    }

    /** What to do with the upload once its metadata and body are known. */
    @FunctionalInterface
    public interface Handler<M, T> {
        T handle(M metadata, UploadBody body);
    }

    /**
     * @param fromQuery metadata for a raw body (also the default when a multipart request has no metadata part)
     * @param fileName  the file name from the query, for raw bodies
     * @param sha256Parameter the {@code sha256} query parameter, or null
     */
    public static <M, T> T read(HttpServletRequest request, Class<M> metadataType, M fromQuery,
                                Optional<String> fileName, String sha256Parameter, Handler<M, T> handler) {
        Optional<String> sha256 = declaredSha256(sha256Parameter);
        if (!ContentType.parse(request.getContentType()).map(ContentType::isMultipart).orElse(false)) {
            try {
                return handler.handle(fromQuery, new UploadBody(request.getInputStream(),
                        request.getContentLengthLong(), request.getContentType(), fileName, sha256));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            M metadata = fromQuery;
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("metadata".equals(part.getFieldName())) {
                    metadata = parseMetadata(part, metadataType);
                } else if ("file".equals(part.getFieldName())) {
                    try (InputStream content = part.getInputStream()) {
                        return handler.handle(metadata, new UploadBody(content, -1, part.getContentType(),
                                Optional.ofNullable(part.getName()).or(() -> fileName), sha256));
                    }
                } else {
                    throw ProblemException.badRequest("unexpected-part", "Unknown multipart part '"
                            + part.getFieldName() + "': send 'metadata' (JSON, optional) and then 'file'.");
                }
            }
            throw ProblemException.badRequest("missing-file", "The multipart request has no 'file' part.");
        } catch (FileUploadException e) {
            throw ProblemException.badRequest("malformed-multipart", "The multipart body cannot be read: "
                    + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("upload-interrupted",
                    "The upload stopped before the body was complete; nothing was stored.");
        }
    }

    /** The declared digest, lowercased; a 400 problem naming {@code sha256} when it is not one. */
    static Optional<String> declaredSha256(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw ProblemException.invalidField("sha256", "must be the file's SHA-256 as 64 hexadecimal digits");
        }
        return Optional.of(sha256.toLowerCase(Locale.ROOT));
    }

    private static <M> M parseMetadata(FileItemInput part, Class<M> type) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] json = in.readNBytes(MAX_METADATA_BYTES + 1);
            if (json.length > MAX_METADATA_BYTES) {
                throw ProblemException.payloadTooLarge("The metadata part is limited to " + MAX_METADATA_BYTES
                        + " bytes.");
            }
            try {
                return Json.MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                // the exception mapper turns Jackson's errors into field-level problems
                throw new MetadataException(e);
            }
        }
    }

    /** Unreadable metadata; carries Jackson's exception for the problem mapper to translate. */
    static final class MetadataException extends RuntimeException {
        MetadataException(JsonProcessingException cause) {
            super(cause);
        }
    }
}

package io.slipway.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads an upload request in either of its two forms, streaming the file without buffering it:
 * <ul>
 *   <li>a raw body (any Content-Type but multipart): the content itself; metadata comes from the query;</li>
 *   <li>{@code multipart/form-data}: an optional {@code metadata} part (JSON) followed by a {@code file}
 *       part, whose file name is kept as metadata.</li>
 * </ul>
 */
public final class UploadRequests {

    private static final int MAX_METADATA_BYTES = 64 * 1024;

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
     */
    public static <M, T> T read(HttpServletRequest request, Class<M> metadataType, M fromQuery,
                                Optional<String> fileName, Handler<M, T> handler) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            String mediaType = Optional.ofNullable(request.getContentType()).orElse("application/octet-stream");
            try {
                return handler.handle(fromQuery, new UploadBody(request.getInputStream(),
                        request.getContentLengthLong(), mediaType, fileName));
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
                    String mediaType = Optional.ofNullable(part.getContentType()).orElse("application/octet-stream");
                    try (InputStream content = part.getInputStream()) {
                        return handler.handle(metadata, new UploadBody(content, -1, mediaType,
                                Optional.ofNullable(part.getName()).or(() -> fileName)));
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

package io.slipway.artifact;

import io.slipway.api.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers a download: the bytes streamed from the object store (with their size, SHA-256 digest and file
 * name), or with {@code ?presign=true} a short-lived URL that fetches them straight from the store.
 */
@ApplicationScoped
public class ContentResponses {

    private static final int BUFFER = 64 * 1024;

    private final ArtifactContent content;

    @Inject
    public ContentResponses(ArtifactContent content) {
        this.content = content;
    }

    protected ContentResponses() {
        this(null);
    }

    public Response download(StoredContent stored, boolean presign) {
        if (presign) {
            return Response.ok(content.presign(stored.orgId(), stored.key(), stored.downloadName()))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = out -> {
            try (InputStream in = content.open(stored.orgId(), stored.key())) {
                BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
                in.transferTo(buffered);
                buffered.flush();
            }
        };
        return Response.ok(body)
                .type(ContentType.canonical(stored.mediaType()))
                .header("Content-Length", stored.sizeBytes())
                .header("Content-Disposition", contentDisposition(stored.downloadName()))
                .header("ETag", "\"" + stored.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(stored.sha256())) + ":")
                .build();
    }

    /**
     * RFC 6266: an ASCII fallback name plus the UTF-8 name, cleaned as stored names are (a version stored before
     * {@link FileNames} dropped format characters may still hold them).
     */
    static String contentDisposition(String storedName) {
        String name = Optional.of(FileNames.sanitize(storedName)).filter(n -> !n.isEmpty()).orElse("download");
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

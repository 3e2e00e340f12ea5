package io.slipway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.artifact.ArtifactLimits;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ConsoleBodyLimitTest {

    private static final long MIB = 1024 * 1024;
    private static final String MULTIPART = "multipart/form-data; boundary=----x";

    @Test
    void anUploadOverTheLargestArtifactLimitIsRefusedBeforeTheServletOrItsContainerReadsIt() throws Exception {
        Exchange exchange = new Exchange(MULTIPART, 10 * MIB + ConsoleBodyLimit.MULTIPART_FRAMING_BYTES + 1);

        new ConsoleBodyLimit(limits(Map.of("slipway.artifacts.max.bytes", "10485760")))
                .doFilter(exchange.request(), exchange.response(), (req, res) -> exchange.passed.set(true));

        assertThat(exchange.passed).as("reached the console servlet").isFalse();
        assertThat(exchange.bodyRead).as("body read").isFalse();
        assertThat(exchange.status).isEqualTo(413);
        assertThat(exchange.contentType).isEqualTo("application/problem+json");
        assertThat(exchange.body.toString(StandardCharsets.UTF_8)).contains("\"status\":413").contains("10 MiB");
    }

    @Test
    void anUploadWithinTheLimitReachesTheServlet() throws Exception {
        Exchange exchange = new Exchange(MULTIPART, 10 * MIB + ConsoleBodyLimit.MULTIPART_FRAMING_BYTES);

        new ConsoleBodyLimit(limits(Map.of("slipway.artifacts.max.bytes", "10485760")))
                .doFilter(exchange.request(), exchange.response(), (req, res) -> exchange.passed.set(true));

        assertThat(exchange.passed).isTrue();
        assertThat(exchange.status).isZero();
    }

    @Test
    void theLargestLimitCountsAnOrganizationsOwnLargerOneWhateverHowItIsNamed() {
        Map<String, String> config = new HashMap<>(Map.of("slipway.artifacts.max.bytes", "1048576",
                "slipway.artifacts.max.bytes.small", "1024", "SLIPWAY_ARTIFACTS_MAX_BYTES_BIG_CO", "20971520"));
        ArtifactLimits limits = limits(config);

        assertThat(limits.largestMaxBytes()).isEqualTo(20 * MIB);
        assertThat(ConsoleBodyLimit.refusal(MULTIPART, 15 * MIB, limits::largestMaxBytes)).isEmpty();
        assertThat(ConsoleBodyLimit.refusal(MULTIPART, 21 * MIB, limits::largestMaxBytes)).isPresent();

        config.put("slipway.artifacts.max.bytes.broken", "lots");
        assertThat(limits(config).largestMaxBytes()).as("a limit that is not a number").isEqualTo(20 * MIB);
        assertThat(limits(Map.of()).largestMaxBytes()).as("the default").isEqualTo(5L * 1024 * MIB);
    }

    @Test
    void aMultipartBodyOfUnknownLengthIsRefusedAndOtherBodiesOfUnknownLengthPass() {
        assertThat(ConsoleBodyLimit.refusal(MULTIPART, -1, () -> MIB)).map(p -> p.status()).contains(411);
        assertThat(ConsoleBodyLimit.refusal("Multipart/Form-Data; boundary=x", -1, () -> MIB)).isPresent();
        assertThat(ConsoleBodyLimit.refusal("multipart/form-data; boundary=a b", -1, () -> MIB))
                .as("a Content-Type only the container might read").isPresent();
        assertThat(ConsoleBodyLimit.refusal("application/json", -1, () -> MIB)).isEmpty();
        assertThat(ConsoleBodyLimit.refusal(null, -1, () -> MIB)).isEmpty();
    }

    @Test
    void aBodyOfAnyTypeOverTheLimitIsRefused() {
        assertThat(ConsoleBodyLimit.refusal("application/octet-stream", 3 * MIB, () -> MIB)).isPresent();
        assertThat(ConsoleBodyLimit.refusal("application/json", 300, () -> 0)).as("small requests").isEmpty();
    }

    @Test
    void theFilterIsMappedToTheConsoleServlet() {
        assertThat(ConsoleBodyLimit.class.getAnnotation(WebFilter.class).servletNames())
                .containsExactly(ConsoleServlet.class.getAnnotation(WebServlet.class).name());
    }

    private static ArtifactLimits limits(Map<String, String> values) {
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPropertyNames" -> List.copyOf(values.keySet());
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0])).map(Long::valueOf);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new ArtifactLimits(config);
    }

    /** A request that records whether its body was read, and the response the filter gives. */
    private static final class Exchange {
        private final String requestType;
        private final long length;
        private final AtomicBoolean passed = new AtomicBoolean();
        private boolean bodyRead;
        private int status;
        private String contentType;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Exchange(String requestType, long length) {
            this.requestType = requestType;
            this.length = length;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getContentType" -> requestType;
                        case "getContentLengthLong" -> length;
                        case "getContentLength" -> (int) Math.min(Integer.MAX_VALUE, length);
                        case "getInputStream", "getReader", "getParts", "getPart", "getParameter",
                             "getParameterMap", "getParameterNames", "getParameterValues" -> {
                            bodyRead = true;
                            throw new AssertionError("the body was read: " + method.getName());
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (int) args[0];
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setHeader" -> null;
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}

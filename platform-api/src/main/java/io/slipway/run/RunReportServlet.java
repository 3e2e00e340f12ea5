package io.slipway.run;

import io.slipway.api.Json;
import io.slipway.api.Problem;
import io.slipway.api.ProblemException;
import io.slipway.auth.Actor;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a run talks back with its run token: {@code GET /run-api/v1/runs/{id}} (its own run),
 * {@code POST /run-api/v1/runs/{id}/metrics} and {@code PUT /run-api/v1/runs/{id}/outputs/{path}} (a declared
 * output, streamed). Apart from {@code /api/}, whose every request must carry a
 * Keycloak-signed token: a run token is Slipway's own secret, checked here against its hash.
 */
@WebServlet(urlPatterns = "/run-api/*")
public class RunReportServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile(
            "/v1/runs/([0-9a-fA-F-]{36})(?:(/metrics)|/outputs/([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*))?");
    private static final int MAX_BODY = 64 * 1024;

    @Inject
    RunReports reports;
    @Inject
    RunOutputs outputs;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            if (!path.matches()) {
                throw ProblemException.notFound("No such run API path.");
            }
            String header = request.getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip() : null;
            Actor.Run run = reports.authenticate(token, path.group(1).toLowerCase(java.util.Locale.ROOT));
            boolean metrics = path.group(2) != null;
            String output = path.group(3);
            if (output != null) {
                if (!"PUT".equals(request.getMethod())) {
                    throw new ProblemException(405, "method-not-allowed", "Method not allowed",
                            "An output is uploaded with PUT.", java.util.List.of());
                }
                try (InputStream body = request.getInputStream()) {
                    write(response, 201, outputs.receive(run, output, body));
                }
            } else if (metrics && "POST".equals(request.getMethod())) {
                RunReport report;
                try (InputStream body = request.getInputStream()) {
                    byte[] bytes = body.readNBytes(MAX_BODY + 1);
                    if (bytes.length > MAX_BODY) {
                        throw ProblemException.payloadTooLarge("A metrics report is at most 64 KiB.");
                    }
                    report = readReport(bytes);
                }
                write(response, 200, reports.report(run, report));
            } else if (!metrics && "GET".equals(request.getMethod())) {
                write(response, 200, reports.read(run));
            } else {
                throw new ProblemException(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not allowed here.", java.util.List.of());
            }
        } catch (ProblemException problem) {
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            Json.MAPPER.writeValue(response.getOutputStream(), Problem.of(problem));
        }
    }

    private static RunReport readReport(byte[] bytes) {
        try {
            return Json.MAPPER.readValue(bytes, RunReport.class);
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "The body is not a metrics report: {\"step\": 3,"
                    + " \"metrics\": {\"accuracy\": 0.93}}.");
        }
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }
}

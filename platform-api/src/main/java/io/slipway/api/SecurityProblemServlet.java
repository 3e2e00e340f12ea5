package io.slipway.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error page for the 401/403 answers the container gives before a request reaches the API (missing, expired,
 * tampered or wrong-audience tokens), so that they too are problem+json.
 */
@WebServlet(urlPatterns = "/errors/security")
public class SecurityProblemServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_UNAUTHORIZED;
        ProblemException problem = status == HttpServletResponse.SC_FORBIDDEN
                ? ProblemException.forbidden("This request is not allowed.")
                : ProblemException.unauthorized("A valid bearer access token from the Slipway realm is required "
                + "(missing, expired, tampered, or not issued for audience 'slipway-api').");
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), Problem.of(problem));
    }
}

package io.slipway.audit.trail;

import io.slipway.api.ApiCaller;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.ChainRangeVerification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

@Path("/orgs/{org}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrailService trail;
    private final ApiCaller caller;

    @Inject
    public AuditResource(AuditTrailService trail, ApiCaller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    protected AuditResource() {
        this(null, null);
    }

    /**
     * Audit events, newest first.
     *
     * @param project only this project's events (project viewers may read these; the whole trail is for owners)
     * @param since   only events at or after this ISO-8601 instant, e.g. {@code 2026-11-21T00:00:00Z}
     */
    @GET
    public AuditPage page(@PathParam("org") String org, @QueryParam("project") String project,
                          @QueryParam("since") String since, @QueryParam("limit") Integer limit,
                          @QueryParam("cursor") String cursor) {
        return trail.page(caller.get(), org, Optional.ofNullable(project).filter(p -> !p.isBlank()), parse(since),
                PageRequest.of(limit, cursor));
    }

    /**
     * One page of the full verification of the organization's chain (owners): events {@code from} (default 1) to
     * {@code from + limit - 1} (default 1,000, at most 10,000) are re-hashed and linked, signed checkpoints among
     * them compared, and on the last page the end compared with the signed head. Continue with {@code from=next}
     * until {@code next} is absent.
     */
    @GET
    @Path("/verification")
    public ChainRangeVerification verification(@PathParam("org") String org, @QueryParam("from") String from,
                                               @QueryParam("limit") String limit) {
        return trail.verify(caller.get(), org, number("from", from), number("limit", limit));
    }

    static Optional<Long> number(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a whole number");
        }
    }

    private static Optional<Instant> parse(String since) {
        if (since == null || since.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(since));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "must be an ISO-8601 instant such as 2026-11-21T00:00:00Z");
        }
    }
}

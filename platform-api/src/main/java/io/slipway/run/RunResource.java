package io.slipway.run;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A project's runs: start, list, read, cancel, their metrics and their logs (plain, or followed as SSE). */
@Path("/orgs/{org}/projects/{project}/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final long FOLLOW_POLL_MS = 250;

    private final RunService runs;
    private final ApiCaller caller;

    @Inject
    public RunResource(RunService runs, ApiCaller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    protected RunResource() {
        this(null, null);
    }

    @POST
    public Response start(@PathParam("org") String org, @PathParam("project") String project,
                          @Valid @NotNull(message = "a JSON body is required") NewRun body) {
        RunView run = runs.start(caller.get(), org, project, body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/runs/{id}")
                .build(org, project, run.id())).entity(run).build();
    }

    @GET
    public Page<RunView> list(@PathParam("org") String org, @PathParam("project") String project,
                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return runs.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{run}")
    public RunView get(@PathParam("org") String org, @PathParam("project") String project,
                       @PathParam("run") String run) {
        return runs.get(caller.get(), org, project, run);
    }

    /** Every metric the run reported, as a series of steps. */
    @GET
    @Path("/{run}/metrics")
    public Map<String, List<RunMetricView>> metrics(@PathParam("org") String org, @PathParam("project") String project,
                                                    @PathParam("run") String run) {
        return runs.metrics(caller.get(), org, project, run);
    }

    @POST
    @Path("/{run}/cancel")
    @Consumes(MediaType.WILDCARD)
    public RunView cancel(@PathParam("org") String org, @PathParam("project") String project,
                          @PathParam("run") String run) {
        return runs.cancel(caller.get(), org, project, run);
    }

    /**
     * The run's log as text, a line per output line ({@code <time> <stdout|stderr|slipway> <text>}); with
     * {@code follow=true}, Server-Sent Events, a {@code data:} event per line, until the run ends (a last
     * {@code end} event names its state).
     */
    @GET
    @Path("/{run}/logs")
    @Produces({MediaType.TEXT_PLAIN, MediaType.SERVER_SENT_EVENTS})
    public Response logs(@PathParam("org") String org, @PathParam("project") String project,
                         @PathParam("run") String run, @QueryParam("follow") boolean follow) {
        RunService.LogHandle handle = runs.openLog(caller.get(), org, project, run);
        if (!follow) {
            StreamingOutput text = out -> {
                for (String line : runs.log(handle, 0).lines()) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            };
            return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
        }
        StreamingOutput events = out -> follow(handle, out);
        return Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no").build();
    }

    private void follow(RunService.LogHandle handle, OutputStream out) throws java.io.IOException {
        int sent = 0;
        while (true) {
            RunService.LogSnapshot snapshot = runs.log(handle, sent);
            StringBuilder events = new StringBuilder();
            for (String line : snapshot.lines()) {
                events.append("data: ").append(line.replace('\r', ' ')).append("\n\n");
            }
            sent += snapshot.lines().size();
            if (snapshot.ended() && snapshot.lines().isEmpty()) {
                events.append("event: end\ndata: ").append(snapshot.state()).append("\n\n");
            }
            out.write(events.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (snapshot.ended() && snapshot.lines().isEmpty()) {
                return;
            }
            try {
                Thread.sleep(FOLLOW_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

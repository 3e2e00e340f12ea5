package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.Inference;
import io.slipway.it.support.InferenceLoop;
import io.slipway.it.support.SecondServer;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Slipway servers on one PostgreSQL database, as two pods behind a Service: a promotion and a rollback made
 * through one switch the deployment on the other within moments (it polls the serving watermark), with no failed
 * request there. PostgreSQL pass only: on H2 each server has its own database.
 */
class ServingAcrossServersIT extends ApiTestBase {

    /** The other server's poll is 0.5 s; the rest is room for a two-core machine running two servers. */
    private static final long SWITCH_BOUND_MS = 3_000;

    @TempDir
    Path scratch;

    @Test
    void aPromotionAndARollbackThroughOneServerSwitchTheOtherWithoutAFailedRequest() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("slipway.it.db.kind")),
                "runs in the PostgreSQL pass only (SLIPWAY_TEST_DB=postgres): servers share one database there");
        TestOrg acme = TestOrg.create(api);
        Deploying deploying = new Deploying(api, uploads, acme);
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.upload("iris", Deploying.irisModel(scratch, "v2"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);

        try (SecondServer other = SecondServer.named("serving-replica")) {
            other.start().awaitReady();
            Inference there = new Inference(other.base());
            String infer = acme.projectPath() + "/serving/v2/models/scorer/infer";
            awaitAnswerBy(1, () -> there.postJson(Users.token("bob"), infer, Deploying.ONE_FLOWER));
            InferenceLoop client = new InferenceLoop(() -> there.postJson(Users.token("bob"), infer, Deploying.ONE_FLOWER));
            client.awaitAnswers(3);

            long promoted = System.nanoTime();
            deploying.promote("iris", 2);
            long switchedAfter = TimeUnit.NANOSECONDS.toMillis(client.firstAnswerBy(2, promoted) - promoted);
            long rolledBack = System.nanoTime();
            Api.Reply rollback = api.post(Users.token("carol"), acme.projectPath()
                    + "/models/iris/stages/production/rollback", Map.of("reason", "v2 misbehaves"));
            long backAfter = TimeUnit.NANOSECONDS.toMillis(client.firstAnswerBy(1, rolledBack) - rolledBack);
            client.awaitAnswers(client.answered() + 3);
            client.stop();

            System.out.printf("ServingAcrossServersIT: the other server switched %d ms after the promotion and %d ms"
                    + " after the rollback; %d requests, none failed%n", switchedAfter, backAfter, client.answered());
            assertThat(rollback.status()).as("%s", rollback).isEqualTo(200);
            assertThat(client.failures()).as("requests to the other server that failed while it switched").isEmpty();
            assertThat(switchedAfter).as("promotion seen by the other server").isLessThan(SWITCH_BOUND_MS);
            assertThat(backAfter).as("rollback seen by the other server").isLessThan(SWITCH_BOUND_MS);
        }
    }

    /** Returns once the other server answers with {@code version} (it loads the deployment after it starts). */
    private static void awaitAnswerBy(int version, java.util.function.Supplier<Inference.Answer> call) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Inference.Answer last;
        do {
            last = call.get();
            if (last.status() == 200 && last.json().path("model_version").asInt() == version) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The other server never answered with version " + version + ": " + last);
    }
}

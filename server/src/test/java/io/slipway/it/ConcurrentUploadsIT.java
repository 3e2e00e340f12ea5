package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Database;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A busy organization: 2,000 small CSV uploads from 8 clients at once, as CI pipelines make them. Every one
 * succeeds and gets its own version (on the embedded store's file system, a directory of temporary objects
 * that a delete removed under a concurrent upload made a few of them fail with 500).
 */
class ConcurrentUploadsIT extends ApiTestBase {

    private static final int UPLOADS = 2000;
    private static final int CLIENTS = 8;

    @Test
    void twoThousandConcurrentSmallUploadsAllSucceedWithOneVersionEach() throws Exception {
        TestOrg org = TestOrg.create(api);
        String bob = Users.token("bob");
        String versions = org.projectPath() + "/datasets/busy/versions?fileName=rows.csv";
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                byte[] csv = ("id,amount\n" + i + "," + (i * 3) + ".5\n").getBytes(StandardCharsets.UTF_8);
                replies.add(clients.submit(() -> uploads.raw(bob, versions, "text/csv", csv)));
            }
        } finally {
            clients.shutdown();
        }
        List<String> failures = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (Future<Api.Reply> future : replies) {
            Api.Reply reply = future.get();
            if (reply.status() == 201) {
                numbers.add(reply.json().path("version").asInt());
            } else {
                failures.add(reply.toString());
            }
        }

        assertThat(failures).as("uploads that failed").isEmpty();
        assertThat(numbers).as("one version each").doesNotHaveDuplicates().hasSize(UPLOADS);
        assertThat(Database.queryForString("select count(*) from dataset_versions v join datasets d"
                + " on d.org_id = v.org_id and d.id = v.dataset_id where d.name = ? and d.org_id ="
                + " (select id from organizations where slug = ?)", "busy", org.slug()))
                .isEqualTo(Integer.toString(UPLOADS));
    }
}

package io.slipway.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {

    @Test
    void namesTheDependencyThatIsDownAndWhy() throws Exception {
        String health = """
                {"status":"DOWN","checks":[
                  {"name":"database","status":"UP"},
                  {"name":"object-store","status":"DOWN","data":{"problem":"unreachable at http://127.0.0.1:9000"}},
                  {"name":"identity-provider","status":"UP","data":{"reachable":false,"problem":"unreachable"}}]}""";

        assertThat(ReadinessReport.lines(new ObjectMapper().readTree(health))).containsExactly(
                "readiness: DOWN",
                "  database           UP",
                "  object-store       DOWN: unreachable at http://127.0.0.1:9000",
                "  identity-provider  UNREACHABLE (the server stays ready): unreachable");
    }
}

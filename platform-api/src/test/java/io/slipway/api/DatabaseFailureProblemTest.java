package io.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client is told when the database fails under a request, by SQL state. */
class DatabaseFailureProblemTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01", "57P02", "57P03", "53300"})
    void aDatabaseThatCannotServeIsA503(String state) {
        var failure = new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: the database system is shutting down", state));

        assertThat(ProblemMapper.translate(failure)).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo("database-unavailable");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"42601", "22001", "40001"})
    void aFailingStatementIsNot(String state) {
        var failure = new GenericJDBCException("could not execute statement", new SQLException("ERROR", state));

        assertThat(ProblemMapper.translate(failure)).isEmpty();
    }
}

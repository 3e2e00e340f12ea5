package io.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void typeSubtypeAndParameterNamesCompareWhateverTheirCase() {
        ContentType json = ContentType.parse("Application/JSON; Charset=UTF-8").orElseThrow();

        assertThat(json.is("application", "json")).isTrue();
        assertThat(json.isJson()).isTrue();
        assertThat(json).hasToString("application/json;charset=UTF-8");
        assertThat(ContentType.parse("APPLICATION/MERGE-PATCH+JSON").orElseThrow().isJson()).isTrue();
        assertThat(ContentType.parse("Multipart/Form-Data; boundary=\"a b\"").orElseThrow().isMultipart()).isTrue();
        assertThat(ContentType.parse("TEXT/CSV").orElseThrow().is("text", "csv")).isTrue();
    }

    @Test
    void whiteSpaceAndParametersAreReadAsRfc9110Allows() {
        assertThat(ContentType.parse("  text/csv ;charset=utf-8 ;  header=present  ")).map(ContentType::toString)
                .contains("text/csv;charset=utf-8;header=present");
        assertThat(ContentType.parse("text/plain;;charset=\"utf\\\"8\";")).map(ContentType::toString)
                .contains("text/plain;charset=\"utf\\\"8\"");
    }

    @Test
    void whatIsNotAMediaTypeIsNone() {
        for (String bad : new String[] {"", "json", "application/", "/json", "application /json", "application/json x",
                "text/csv; charset", "text/csv; charset=", "text/csv; =x", "text/csv; a=\"open", "a/b; c=\"\u0001\"",
                "ä/b", "application/json\r\nX-Injected: 1"}) {
            assertThat(ContentType.parse(bad)).as("'%s'", bad).isEmpty();
        }
        assertThat(ContentType.parse(null)).isEqualTo(Optional.empty());
    }

    @Test
    void theCanonicalFormIsWhatIsStoredAndItIsAlwaysAMediaTypeOfBoundedLength() {
        assertThat(ContentType.canonical("Text/CSV; Charset=utf-8")).isEqualTo("text/csv;charset=utf-8");
        assertThat(ContentType.canonical(null)).isEqualTo(ContentType.OCTET_STREAM);
        assertThat(ContentType.canonical("not a type")).isEqualTo(ContentType.OCTET_STREAM);
        assertThat(ContentType.canonical("text/csv; x=" + "y".repeat(1000))).isEqualTo("text/csv");
        assertThat(ContentType.canonical("text/" + "c".repeat(1000))).isEqualTo(ContentType.OCTET_STREAM);
    }

    @Test
    void parsingIsLinearInTheValue() {
        String unclosed = "a/b; x=\"" + "\\a".repeat(500_000);
        String emptyParameters = "a/b" + ";".repeat(1_000_000);

        assertThat(ContentType.parse(unclosed).isPresent()).isFalse();
        assertThat(ContentType.parse(emptyParameters).map(ContentType::toString)).contains("a/b");
    }
}

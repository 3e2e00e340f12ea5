package io.slipway.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentResponsesTest {

    @Test
    void theDownloadHeaderCarriesNoFormatCharactersEvenOfANameStoredWithThem() {
        assertThat(ContentResponses.contentDisposition("invoice\u202Efdp.exe"))
                .isEqualTo("attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe");
        assertThat(ContentResponses.contentDisposition("\u2066\u2069")).contains("filename=\"download\"");
        assertThat(ContentResponses.contentDisposition("données.csv"))
                .isEqualTo("attachment; filename=\"donn_es.csv\"; filename*=UTF-8''donn%C3%A9es.csv");
    }
}

package io.slipway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DestinationPolicyTest {

    /** Names resolve only through this table: no test depends on real DNS. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "sneaky.example.com", new String[] {"93.184.216.34", "10.1.2.3"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = DNS.get(host);
        if (literals == null) {
            if (host.matches("[0-9a-fA-F:.]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    private static final DestinationPolicy STRICT = new DestinationPolicy(List.of(), DestinationPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/hook", "http://127.8.9.10:8080/", "http://[::1]/", "http://0.0.0.0/", "http://[::]/",
        "http://10.0.0.5/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data", "http://169.254.10.10/", "http://[fe80::1]/",
        "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://224.0.0.1/", "http://[ff02::1]/",
        "http://255.255.255.255/", "http://100.64.0.1/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/",
        "http://sneaky.example.com/", "http://metadata.example.com/"})
    void refusesAddressesInsideTheNetwork(String url) {
        DestinationPolicy.Verdict verdict = STRICT.check(url);

        assertThat(verdict.allowed()).as(url).isFalse();
        assertThat(verdict.refusal().orElseThrow()).containsAnyOf("loopback", "private", "link-local",
                "unspecified", "multicast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/slipway", "http://93.184.216.34:8443/x",
        "https://v6.example.com/", "http://172.32.0.1/", "http://192.169.0.1/", "http://11.0.0.1/"})
    void allowsPublicAddresses(String url) {
        assertThat(STRICT.check(url).allowed()).as(url).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/",
        "hooks.example.com/path", "http:///nohost", "https://user:pw@hooks.example.com/", "not a url"})
    void refusesWhatIsNotAnHttpUrlToAHost(String url) {
        assertThat(STRICT.check(url).allowed()).as(url).isFalse();
    }

    @Test
    void refusalNamesTheAddressAndWhy() {
        assertThat(STRICT.check("http://metadata.example.com/").refusal().orElseThrow())
                .contains("169.254.169.254").contains("link-local").contains("metadata");
        assertThat(STRICT.check("http://sneaky.example.com/").refusal().orElseThrow()).contains("10.1.2.3")
                .contains("private");
        assertThat(STRICT.check("http://unknown.example.com/").refusal().orElseThrow()).contains("does not resolve");
    }

    @Test
    void allowedNetworksAdmitOnlyTheirOwnAddresses() {
        DestinationPolicy policy = new DestinationPolicy(Cidr.parseList("127.0.0.1/32, 10.20.0.0/16"),
                DestinationPolicyTest::resolve);

        assertThat(policy.check("http://127.0.0.1:9999/hook").allowed()).isTrue();
        assertThat(policy.check("http://10.20.30.40/").allowed()).isTrue();
        assertThat(policy.check("http://127.0.0.2/").allowed()).isFalse();
        assertThat(policy.check("http://10.21.0.1/").allowed()).isFalse();
        assertThat(policy.check("http://192.168.0.1/").allowed()).isFalse();
        assertThat(policy.check("http://169.254.169.254/").allowed()).isFalse();
        assertThat(policy.check("ftp://127.0.0.1/").allowed()).as("schemes are never allowed").isFalse();
    }

    @Test
    void cidrsMatchByPrefix() {
        assertThat(Cidr.parse("172.16.0.0/12").contains(address("172.31.1.1"))).isTrue();
        assertThat(Cidr.parse("172.16.0.0/12").contains(address("172.32.0.0"))).isFalse();
        assertThat(Cidr.parse("fc00::/7").contains(address("fdff::1"))).isTrue();
        assertThat(Cidr.parse("fc00::/7").contains(address("fe00::1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("::1"))).as("families never match").isFalse();
        assertThat(Cidr.parseList(" ")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cidr.parse("example.com/8"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        java.time.Duration base = java.time.Duration.ofSeconds(2);
        java.time.Duration max = java.time.Duration.ofMinutes(1);

        assertThat(WebhookSettings.backoff(base, max, 1)).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(WebhookSettings.backoff(base, max, 2)).isEqualTo(java.time.Duration.ofSeconds(4));
        assertThat(WebhookSettings.backoff(base, max, 5)).isEqualTo(java.time.Duration.ofSeconds(32));
        assertThat(WebhookSettings.backoff(base, max, 6)).isEqualTo(max);
        assertThat(WebhookSettings.backoff(base, max, 1000)).isEqualTo(max);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

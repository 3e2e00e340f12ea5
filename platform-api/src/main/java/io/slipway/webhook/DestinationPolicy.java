package io.slipway.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may send (server-side request forgery): http(s) URLs only, whose host resolves to public
 * addresses only. Loopback, link-local (169.254.169.254, the cloud metadata service, included), private
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), unspecified and multicast addresses are refused unless an
 * allowed network ({@code slipway.webhooks.allowed-private-networks}) holds them. Every address a name resolves
 * to must pass, so a name cannot hide a private address behind a public one. Checked when a webhook is saved and
 * again before every delivery (a name may resolve elsewhere by then).
 */
final class DestinationPolicy {

    static final int MAX_URL_LENGTH = 2000;
    private static final Cidr UNSPECIFIED_V4 = Cidr.parse("0.0.0.0/8");
    private static final Cidr SHARED_V4 = Cidr.parse("100.64.0.0/10");
    private static final Cidr BROADCAST_V4 = Cidr.parse("255.255.255.255/32");
    private static final Cidr UNIQUE_LOCAL_V6 = Cidr.parse("fc00::/7");
    private static final Cidr NAT64_V6 = Cidr.parse("64:ff9b::/96");

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What a check found: the URL and the addresses it may reach, or why it is refused. */
    record Verdict(URI url, List<InetAddress> addresses, Optional<String> refusal) {

        boolean allowed() {
            return refusal.isEmpty();
        }

        static Verdict refused(String reason) {
            return new Verdict(null, List.of(), Optional.of(reason));
        }
    }

    private final List<Cidr> allowedNetworks;
    private final Resolver resolver;

    DestinationPolicy(List<Cidr> allowedNetworks, Resolver resolver) {
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.resolver = resolver;
    }

    /** Checks the URL's form only (no name lookup): scheme, host, length, no credentials. */
    static Optional<String> formProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are allowed, not '" + (scheme.isEmpty() ? url : scheme)
                    + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the URL must not carry credentials");
        }
        return Optional.empty();
    }

    Verdict check(String url) {
        Optional<String> form = formProblem(url);
        if (form.isPresent()) {
            return Verdict.refused(form.get());
        }
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Verdict.refused("the host '" + host + "' does not resolve");
        }
        if (addresses.length == 0) {
            return Verdict.refused("the host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> forbidden = whyForbidden(address);
            if (forbidden.isPresent() && allowedNetworks.stream().noneMatch(net -> net.contains(address))) {
                String literal = address.getHostAddress();
                return Verdict.refused("'" + host + "'" + (literal.equalsIgnoreCase(host) ? " is " : " resolves to "
                        + literal + ", ") + forbidden.get() + "; webhooks may only reach public addresses unless"
                        + " the platform allows the network (slipway.webhooks.allowed-private-networks)");
            }
        }
        return new Verdict(uri, Arrays.asList(addresses), Optional.empty());
    }

    /** Why Slipway must not send to this address on its own, if it must not. */
    static Optional<String> whyForbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || UNSPECIFIED_V4.contains(address)) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address" + (address.getHostAddress().equals("169.254.169.254")
                    ? " (the cloud metadata service)" : ""));
        }
        if (address.isSiteLocalAddress() || UNIQUE_LOCAL_V6.contains(address) || SHARED_V4.contains(address)) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress() || BROADCAST_V4.contains(address)) {
            return Optional.of("a multicast or broadcast address");
        }
        if (address instanceof Inet6Address v6 && (v6.isIPv4CompatibleAddress() || NAT64_V6.contains(v6))) {
            byte[] bytes = v6.getAddress();
            try {
                InetAddress embedded = InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                return whyForbidden(embedded).map(reason -> reason + " (embedded in an IPv6 address)");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }
}

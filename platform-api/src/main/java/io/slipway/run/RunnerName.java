package io.slipway.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Which server runs a local run: {@code host-pid}, so a restarted server knows a run of its earlier life. */
final class RunnerName {

    static final String HOST = host();
    static final String THIS_SERVER = HOST + "-" + ProcessHandle.current().pid();

    private RunnerName() {
    }

    /** The pid of a runner on this host, if the name is one. */
    static Optional<Long> pidOnThisHost(String runner) {
        String prefix = HOST + "-";
        if (runner == null || !runner.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(runner.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "slipway";
        }
    }
}

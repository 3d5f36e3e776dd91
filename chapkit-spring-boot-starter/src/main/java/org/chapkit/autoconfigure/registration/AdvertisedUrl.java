package org.chapkit.autoconfigure.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URL chap-core is told to reach the service at: {@code chapkit.registration.advertised-url} when set, else
 * {@code http(s)://<listen address or host name>:<port>}, like servicekit's {@code socket.gethostname()} default.
 * A loopback address is only reachable from the same machine, so it gets a warning.
 */
final class AdvertisedUrl {

    private static final Logger log = LoggerFactory.getLogger(AdvertisedUrl.class);

    private AdvertisedUrl() {}

    static URI resolve(URI configured, InetAddress listenAddress, boolean ssl, int port) {
        if (configured != null) {
            warnIfLoopback(configured.getHost(), configured.toString());
            return configured;
        }
        String host =
                listenAddress != null && !listenAddress.isAnyLocalAddress() ? hostText(listenAddress) : localHostName();
        URI derived = URI.create((ssl ? "https" : "http") + "://" + host + ":" + port);
        warnIfLoopback(host, derived.toString());
        return derived;
    }

    private static String hostText(InetAddress address) {
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            log.warn("Cannot determine the host name ({}); advertising localhost", ex.getMessage());
            return "localhost";
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException ex) {
            return false; // a name this machine cannot resolve may still resolve for chap-core
        }
    }

    private static void warnIfLoopback(String host, String url) {
        if (isLoopback(host)) {
            log.warn(
                    "Registering with chap-core under the loopback URL {}: only a chap-core on this machine can reach"
                            + " it. Set chapkit.registration.advertised-url to the URL chap-core should use.",
                    url);
        }
    }
}

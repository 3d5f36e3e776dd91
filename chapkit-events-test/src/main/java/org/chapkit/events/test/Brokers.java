package org.chapkit.events.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/** Checks that a broker the tests need is there: skipped when it is not, except under {@code CI=true}, where it fails. */
public final class Brokers {

    private Brokers() {}

    /**
     * Skips (or, under {@code CI=true}, fails) the calling test class when nothing listens on {@code host:port}.
     *
     * @param name the broker, for the message
     * @param host its host
     * @param port its port
     */
    public static void require(String name, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException ex) {
            String message = name + " is not reachable on " + host + ":" + port + " (" + ex.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + "; under CI=true the broker tests must run", ex);
            }
            Assumptions.abort(message + ": skipping; start it, or run under CI=true to make this a failure");
        }
    }

    /**
     * A local port on which nothing listens (a connection to it is refused), for a broker that is down.
     *
     * @return the port
     */
    public static int refusingPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

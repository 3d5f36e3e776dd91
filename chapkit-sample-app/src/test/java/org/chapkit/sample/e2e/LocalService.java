package org.chapkit.sample.e2e;

import java.time.Duration;
import org.chapkit.client.ChapkitClient;

/** How the end-to-end tests reach the sample app they started on a random local port. */
final class LocalService {

    private LocalService() {}

    /**
     * A client for the service on {@code port} of the loopback interface, with a request timeout generous enough for
     * a loaded CI machine.
     *
     * @param port the service's port
     * @return a new client; the caller closes it
     */
    static ChapkitClient client(int port) {
        return ChapkitClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }
}

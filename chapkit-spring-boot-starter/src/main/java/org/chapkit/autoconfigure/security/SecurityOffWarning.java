package org.chapkit.autoconfigure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs one warning at start-up when security is off and the server listens on a non-loopback address (including
 * the default, every interface): anyone who can reach the port can then delete every config and artifact.
 */
final class SecurityOffWarning implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SecurityOffWarning.class);

    private final ChapkitSecurityProperties properties;
    private final Environment environment;

    SecurityOffWarning(ChapkitSecurityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (properties.enabled() || !properties.warnWhenOpen()) {
            return;
        }
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server shares the main server's decision
        }
        String address = environment.getProperty("server.address");
        if (!isLoopback(address)) {
            log.warn(
                    "chapkit security is OFF and the server listens on {} port {}: anyone who can reach it can"
                            + " change or delete every config, artifact, job and schedule. Turn it on with"
                            + " chapkit.security.enabled=true and an API key (docs/security.md), or bind to"
                            + " 127.0.0.1 with server.address=127.0.0.1.",
                    address == null || address.isBlank() ? "every interface" : address,
                    event.getWebServer().getPort());
        }
    }

    /** Whether {@code address} is a loopback address; {@code null} (every interface) is not. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException ex) {
            return false;
        }
    }
}

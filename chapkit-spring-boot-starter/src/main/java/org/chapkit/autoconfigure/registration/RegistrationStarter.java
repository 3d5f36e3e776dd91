package org.chapkit.autoconfigure.registration;

import java.net.InetAddress;
import java.net.URI;
import org.chapkit.registration.ChapCoreRegistration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the registration on {@link ApplicationReadyEvent} — the web server listens, the database is migrated and
 * the runners have run, so chap-core can call the service the moment it is registered — and stops it (deregister,
 * release the lease) as the first step of a graceful shutdown, in a phase before the web server drains its requests,
 * so chap-core sends no new work to a service on its way out.
 */
final class RegistrationStarter implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private final ApplicationContext context;
    private final ChapCoreRegistration registration;
    private final ChapkitRegistrationProperties properties;
    private final ServerProperties server;
    private volatile boolean running;

    RegistrationStarter(
            ApplicationContext context,
            ChapCoreRegistration registration,
            ChapkitRegistrationProperties properties,
            ServerProperties server) {
        this.context = context;
        this.registration = registration;
        this.properties = properties;
        this.server = server;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() != context || !running) {
            return;
        }
        registration.start(advertisedUrl());
    }

    URI advertisedUrl() {
        InetAddress address = server != null ? server.getAddress() : null;
        boolean ssl = server != null && Ssl.isEnabled(server.getSsl());
        int port = context instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : server != null && server.getPort() != null ? server.getPort() : 8080;
        return AdvertisedUrl.resolve(properties.advertisedUrl(), address, ssl, port);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        registration.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (a higher phase stops earlier). */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}

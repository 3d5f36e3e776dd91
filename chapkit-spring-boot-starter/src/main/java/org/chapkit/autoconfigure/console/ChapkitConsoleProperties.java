package org.chapkit.autoconfigure.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console ({@code chapkit-console} on the class path).
 *
 * @param enabled whether the console is served at {@code /console}
 * @param landingPage whether {@code /} sends the browser on to the console when no app of the application's own
 *     takes {@code /} (in place of the built-in landing page; {@code chapkit.apps.landing-page=false} turns both off)
 */
@ConfigurationProperties("chapkit.console")
public record ChapkitConsoleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean landingPage) {}

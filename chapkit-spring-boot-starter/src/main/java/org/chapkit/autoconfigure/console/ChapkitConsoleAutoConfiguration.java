package org.chapkit.autoconfigure.console;

import org.chapkit.apps.BundledApp;
import org.chapkit.apps.StaticApp;
import org.chapkit.apps.internal.StaticAppLoader;
import org.chapkit.autoconfigure.apps.ChapkitAppsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Serves the web console at {@code /console} when {@code chapkit-console} is on the class path, as a static app
 * mounted by {@link ChapkitAppsAutoConfiguration}; {@code /} then sends the browser on to it unless the application
 * mounts an app of its own there. Off with {@code chapkit.console.enabled=false}. The starter does not depend on the
 * console module; the application adds it, and the locations below are the ones {@code ChapkitConsole} documents.
 */
@AutoConfiguration(before = ChapkitAppsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = ChapkitConsoleAutoConfiguration.MARKER)
@ConditionalOnBooleanProperty(name = "chapkit.console.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitConsoleProperties.class)
public final class ChapkitConsoleAutoConfiguration {

    static final String MARKER = "org.chapkit.console.ChapkitConsole";
    static final String APP_LOCATION = "classpath:org/chapkit/console/app/";
    static final String ROOT_LOCATION = "classpath:org/chapkit/console/root/";

    @Bean
    @ConditionalOnMissingBean(name = "chapkitConsoleApp")
    BundledApp chapkitConsoleApp(ChapkitConsoleProperties properties, ResourceLoader resourceLoader) {
        StaticAppLoader loader = new StaticAppLoader(resourceLoader);
        StaticApp console = loader.load(APP_LOCATION, null);
        StaticApp landing = properties.landingPage() ? loader.load(ROOT_LOCATION, null) : null;
        return new BundledApp(console, landing);
    }
}

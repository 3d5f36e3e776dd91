package org.chapkit.autoconfigure.apps;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.apps.BundledApp;
import org.chapkit.apps.StaticApp;
import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.apps.internal.StaticAppLoader;
import org.chapkit.apps.internal.StaticAppWebConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Serves static apps from {@code chapkit.apps.*} after every API route, lists them in
 * {@code /api/v1/system/apps}, and shows a landing page at {@code /} when no app takes it: a bundled app's (the
 * console's) if there is one, else the built-in one. Bundled apps ({@link BundledApp} beans) mount before the
 * configured ones. An invalid configured
 * app stops start-up with a message naming it; apps found by directory discovery are skipped with a warning.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChapkitAppsProperties.class)
public final class ChapkitAppsAutoConfiguration {

    static final String LANDING_PAGE = "classpath:org/chapkit/apps/landing/";

    @Bean
    @ConditionalOnMissingBean
    StaticAppRegistry chapkitStaticAppRegistry(
            ChapkitAppsProperties properties, ResourceLoader resourceLoader, ObjectProvider<BundledApp> bundled) {
        if (!properties.enabled()) {
            return new StaticAppRegistry(List.of(), null);
        }
        StaticAppLoader loader = new StaticAppLoader(resourceLoader);
        List<StaticApp> apps = new ArrayList<>();
        StaticApp bundledLanding = null;
        // Bundled apps first, so that a configured app at the same prefix replaces them.
        for (BundledApp app : bundled.orderedStream().toList()) {
            apps.add(app.app());
            bundledLanding = bundledLanding == null ? app.landingPage() : bundledLanding;
        }
        for (String directory : properties.directories()) {
            apps.addAll(loader.discover(directory));
        }
        for (ChapkitAppsProperties.App app : properties.apps()) {
            apps.add(loader.load(app.location(), app.prefix()));
        }
        StaticApp landing = !properties.landingPage()
                ? null
                : bundledLanding != null ? bundledLanding : loader.load(LANDING_PAGE, null);
        return new StaticAppRegistry(apps, landing);
    }

    @Bean
    @ConditionalOnMissingBean
    StaticAppWebConfigurer chapkitStaticAppWebConfigurer(StaticAppRegistry registry) {
        return new StaticAppWebConfigurer(registry);
    }
}

package org.chapkit.apps.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.chapkit.apps.StaticApp;
import org.chapkit.apps.StaticAppRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Mounts each static app as a Spring MVC resource handler. Resource handlers rank after every
 * {@code @RequestMapping}, so API routes always win. Spring's {@link PathResourceResolver} refuses paths that
 * leave the app directory (including encoded {@code ..}). {@code /prefix} redirects to {@code /prefix/} with 307.
 */
public final class StaticAppWebConfigurer implements WebMvcConfigurer, Ordered {

    private final StaticAppRegistry registry;

    public StaticAppWebConfigurer(StaticAppRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry handlers) {
        for (StaticApp app : registry.apps()) {
            String prefix = app.manifest().prefix();
            String pattern = prefix.equals("/") ? "/**" : prefix + "/**";
            handlers.addResourceHandler(pattern)
                    .addResourceLocations(app.location())
                    .setCacheControl(CacheControl.noCache())
                    .resourceChain(false)
                    .addResolver(new EntryResolver(app.manifest().entry()));
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry views) {
        for (StaticApp app : registry.apps()) {
            String prefix = app.manifest().prefix();
            String root = prefix.equals("/") ? "/" : prefix + "/";
            views.addViewController(root)
                    .setViewName("forward:" + root + app.manifest().entry());
            if (!prefix.equals("/")) {
                views.addRedirectViewController(prefix, root).setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
            }
        }
    }

    /** Registered before Spring Boot's own configurer so that an app at {@code /} replaces the default mapping. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Serves the entry file for the app root and {@code index.html} for sub-directories. */
    static final class EntryResolver extends PathResourceResolver {

        private final String entry;

        EntryResolver(String entry) {
            this.entry = entry;
        }

        /**
         * Also refuses files whose real path (symbolic links resolved) lies outside the app directory, so a link such
         * as {@code link.txt -> ../secret.txt} is not followed out of the app.
         */
        @Override
        protected boolean checkResource(Resource resource, Resource location) throws IOException {
            if (!super.checkResource(resource, location)) {
                return false;
            }
            if (!resource.isFile() || !location.isFile()) {
                return true; // inside a jar: no links to follow
            }
            Path root = location.getFile().toPath().toRealPath();
            return resource.getFile().toPath().toRealPath().startsWith(root);
        }

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            if (resourcePath.isEmpty()) {
                return super.getResource(entry, location);
            }
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            // A directory: serve its index.html, as servicekit's StaticFiles(html=True) does.
            String directory = resourcePath.endsWith("/") ? resourcePath : resourcePath + "/";
            return super.getResource(directory + "index.html", location);
        }
    }
}

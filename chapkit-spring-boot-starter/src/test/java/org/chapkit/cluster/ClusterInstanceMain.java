package org.chapkit.cluster;

import org.chapkit.TestServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Boots the test service in a JVM of its own, for tests that kill an instance for real ({@link ClusterFailoverTests}):
 * the arguments are Spring Boot's command-line properties ({@code --name=value}).
 */
public final class ClusterInstanceMain {

    private ClusterInstanceMain() {}

    /**
     * Starts the instance; it runs until its process is killed.
     *
     * @param args {@code --name=value} properties
     */
    public static void main(String[] args) {
        new SpringApplicationBuilder(TestServiceApplication.class).run(args);
    }
}

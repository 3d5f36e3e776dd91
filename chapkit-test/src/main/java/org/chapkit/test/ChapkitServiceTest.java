package org.chapkit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * Starts a chapkit service for a test: the application on a random port with its own, empty database, its schedules
 * and its registration with chap-core switched off, and two beans to inject, a {@link
 * org.chapkit.client.ChapkitClient} pointing at the running service and a {@link JobWaiter}.
 *
 * <p>The database is a fresh in-memory H2 unless PostgreSQL is configured for tests: the property {@code
 * chapkit.test.postgres.url} (a system property or in the test's {@code application.yml}; a JDBC URL of a database
 * on the server, user {@code postgres}) makes it a fresh database on that server, {@code
 * chapkit.test.postgres.embedded=true} a fresh database on an embedded PostgreSQL (downloaded from Maven Central, no
 * Docker). {@link #database()} picks one explicitly. The application's own {@code spring.datasource.*} is never
 * used, so a test never writes into a real database.
 *
 * <p>Test classes with the same attributes share one started service (Spring's test context cache), and so one
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ChapkitServiceTest {

    /**
     * Extra properties for the service, as {@code key=value}.
     *
     * @return the properties
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /**
     * The application's classes, when it cannot be found from the test's package.
     *
     * @return the component classes
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};

    /**
     * Which database the service gets.
     *
     * @return {@link TestDatabase#AUTO} by default
     */
    TestDatabase database() default TestDatabase.AUTO;

    /**
     * Whether due schedules fire during the test ({@code chapkit.schedules.fire}). The schedules API is there either
     * way.
     *
     * @return {@code false} by default
     */
    boolean schedules() default false;

    /**
     * Whether the service registers with chap-core during the test ({@code chapkit.registration.enabled}).
     *
     * @return {@code false} by default
     */
    boolean registration() default false;

    /** The database a {@link ChapkitServiceTest} runs on. */
    enum TestDatabase {
        /** PostgreSQL when {@code chapkit.test.postgres.url} or {@code chapkit.test.postgres.embedded} is set, else H2. */
        AUTO,
        /** A fresh in-memory H2 database. */
        H2,
        /** A fresh database on {@code chapkit.test.postgres.url}, or on an embedded PostgreSQL when it is not set. */
        POSTGRES
    }
}

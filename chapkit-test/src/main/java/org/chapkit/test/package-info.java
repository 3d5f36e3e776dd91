/**
 * Test kit for chapkit services: {@link org.chapkit.test.ChapkitServiceTest} (random port, isolated database, a
 * ready client), job-waiting helpers, and the database matrix ({@link org.chapkit.test.ServiceTestOnH2},
 * {@link org.chapkit.test.ServiceTestOnPostgres}) the project's own tests use.
 */
package org.chapkit.test;

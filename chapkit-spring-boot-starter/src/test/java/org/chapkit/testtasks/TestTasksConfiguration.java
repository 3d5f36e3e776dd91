package org.chapkit.testtasks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test tasks and the injectable greeter in the test service. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTasksConfiguration {

    @Bean
    TestTasks testTasks() {
        return new TestTasks();
    }

    @Bean
    JobTestTasks jobTestTasks() {
        return new JobTestTasks();
    }

    @Bean
    Greeter greeter() {
        return new Greeter();
    }
}

package org.chapkit.testtasks;

import org.chapkit.task.TaskInvoker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test tasks, the injectable greeter and the in-process gateway in the test service. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTasksConfiguration {

    @Bean
    TestTasks testTasks() {
        return new TestTasks();
    }

    @Bean
    Greeter greeter() {
        return new Greeter();
    }

    @Bean
    InProcessTaskExecutionGatewayForTests inProcessTaskExecutionGatewayForTests(TaskInvoker invoker) {
        return new InProcessTaskExecutionGatewayForTests(invoker);
    }
}

package org.chapkit;

import org.chapkit.job.TestJobHandlers;
import org.chapkit.testtasks.TestTasksConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The smallest chapkit service: only the starter's auto-configuration. Found by {@code @SpringBootTest}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestEchoController.class, TestHealthSwitch.class, TestTasksConfiguration.class, TestJobHandlers.class})
public class TestServiceApplication {}

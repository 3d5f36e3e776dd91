package org.chapkit.sample;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.chapkit.task.Task;
import org.springframework.stereotype.Component;

/** The sample app's tasks, listed under {@code /api/v1/tasks} and run with {@code POST .../{name}/$execute}. */
@Component
public class SampleTasks {

    /**
     * Greets someone; a task small enough to try from the Swagger UI.
     *
     * @param name who to greet
     * @return the greeting
     */
    @Task(name = "greet", description = "Greets someone by name", tags = "demo")
    public String greet(@NotBlank @Size(max = 50) String name) {
        return "Hello, " + name + "!";
    }
}

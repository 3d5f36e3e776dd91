package __PACKAGE__;

import java.util.Map;
import org.chapkit.task.Task;
import org.springframework.stereotype.Component;

/** The service's tasks: {@code GET /api/v1/tasks}, {@code POST /api/v1/tasks/hello/$execute}. */
@Component
public class MaintenanceTasks {

    /**
     * Greets; a scheduled run would get no params, so the parameter is optional.
     *
     * @param name who to greet, {@code world} when not given
     * @return the greeting
     */
    @Task(name = "hello", description = "Says hello")
    public Map<String, Object> hello(String name) {
        return Map.of("greeting", "Hello, " + (name == null ? "world" : name) + "!");
    }
}

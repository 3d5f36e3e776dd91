package org.chapkit.client.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.job.JobSubmission;
import tools.jackson.databind.JavaType;

/** Access to {@code /api/v1/tasks}: list, inspect, execute, enable and disable registered tasks. */
public final class TaskClient {

    private static final String BASE = "/api/v1/tasks";

    private final ChapkitHttp http;
    private final JavaType listType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public TaskClient(ChapkitHttp http) {
        this.http = http;
        this.listType = http.types().constructCollectionType(List.class, TaskInfo.class);
    }

    /**
     * {@code GET /api/v1/tasks}: every registered task, sorted by name.
     *
     * @return the tasks
     */
    public List<TaskInfo> list() {
        return http.get(BASE, null, listType);
    }

    /**
     * {@code GET /api/v1/tasks/{name}}.
     *
     * @param name task name
     * @return the task
     */
    public TaskInfo get(String name) {
        return http.get(path(name), TaskInfo.class);
    }

    /**
     * {@code POST /api/v1/tasks/{name}/$execute}: runs the task as a job (202); its result is stored as a root
     * artifact under the returned {@code artifact_id}.
     *
     * @param name task name
     * @param params the task's parameters
     * @return the job and the pre-allocated result artifact id
     */
    public JobSubmission execute(String name, Map<String, ?> params) {
        Map<String, Object> values = params == null ? null : new LinkedHashMap<String, Object>(params);
        return http.exchange(
                "POST",
                path(name) + "/$execute",
                null,
                new TaskExecution(values),
                http.types().constructType(JobSubmission.class));
    }

    /**
     * {@code POST /api/v1/tasks/{name}/$enable}.
     *
     * @param name task name
     * @return the task as it is now, or {@code null} if the server answered without a body
     */
    public TaskInfo enable(String name) {
        return http.exchange(
                "POST", path(name) + "/$enable", null, null, http.types().constructType(TaskInfo.class));
    }

    /**
     * {@code POST /api/v1/tasks/{name}/$disable}: a disabled task refuses execution (409).
     *
     * @param name task name
     * @return the task as it is now, or {@code null} if the server answered without a body
     */
    public TaskInfo disable(String name) {
        return http.exchange(
                "POST", path(name) + "/$disable", null, null, http.types().constructType(TaskInfo.class));
    }

    /**
     * {@code GET /api/v1/tasks/$orphaned}: tasks the database knows (from schedules or history) whose code no
     * longer exists.
     *
     * @return the orphaned tasks
     */
    public List<OrphanedTask> orphaned() {
        return http.get(
                BASE + "/$orphaned", null, http.types().constructCollectionType(List.class, OrphanedTask.class));
    }

    /**
     * {@code DELETE /api/v1/tasks/$orphaned/{name}}: forgets an orphaned task (its schedules and state).
     *
     * @param name the orphaned task's name
     */
    public void deleteOrphan(String name) {
        http.exchange("DELETE", BASE + "/$orphaned/" + ChapkitHttp.segment(name), null, null, null);
    }

    private static String path(String name) {
        return BASE + "/" + ChapkitHttp.segment(name);
    }
}

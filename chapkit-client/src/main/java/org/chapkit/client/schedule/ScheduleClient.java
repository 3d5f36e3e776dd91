package org.chapkit.client.schedule;

import java.util.List;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.job.JobSubmission;
import tools.jackson.databind.JavaType;

/** Access to {@code /api/v1/schedules}: CRUD, enable, disable and trigger. */
public final class ScheduleClient {

    private static final String BASE = "/api/v1/schedules";

    private final ChapkitHttp http;
    private final JavaType scheduleType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public ScheduleClient(ChapkitHttp http) {
        this.http = http;
        this.scheduleType = http.types().constructType(Schedule.class);
    }

    /**
     * {@code POST /api/v1/schedules}.
     *
     * @param request the schedule
     * @return the stored schedule, with {@code next_run_at}
     */
    public Schedule create(ScheduleRequest request) {
        return http.exchange("POST", BASE, null, request, scheduleType);
    }

    /**
     * {@code POST /api/v1/schedules/$preview?count=}: validates the schedule like {@link #create} and answers when it
     * would fire, storing nothing.
     *
     * @param request the schedule
     * @param count how many fire times (1 to 50)
     * @return the next fire times
     */
    public SchedulePreview preview(ScheduleRequest request, int count) {
        return http.exchange(
                "POST",
                BASE + "/$preview",
                java.util.Map.of("count", Integer.toString(count)),
                request,
                http.types().constructType(SchedulePreview.class));
    }

    /**
     * {@code GET /api/v1/schedules}.
     *
     * @return every schedule
     */
    public List<Schedule> list() {
        return http.get(BASE, null, http.types().constructCollectionType(List.class, Schedule.class));
    }

    /**
     * {@code GET /api/v1/schedules?task=}: the schedules of one task.
     *
     * @param task task name
     * @return its schedules
     */
    public List<Schedule> list(String task) {
        return http.get(
                BASE, java.util.Map.of("task", task), http.types().constructCollectionType(List.class, Schedule.class));
    }

    /**
     * {@code GET /api/v1/schedules/{id}}.
     *
     * @param id schedule id
     * @return the schedule
     */
    public Schedule get(String id) {
        return http.get(path(id), null, scheduleType);
    }

    /**
     * {@code PUT /api/v1/schedules/{id}}.
     *
     * @param id schedule id
     * @param request the new values
     * @return the stored schedule
     */
    public Schedule update(String id, ScheduleRequest request) {
        return http.exchange("PUT", path(id), null, request, scheduleType);
    }

    /**
     * {@code DELETE /api/v1/schedules/{id}}.
     *
     * @param id schedule id
     */
    public void delete(String id) {
        http.exchange("DELETE", path(id), null, null, null);
    }

    /**
     * {@code POST /api/v1/schedules/{id}/$enable}.
     *
     * @param id schedule id
     * @return the schedule as it is now, or {@code null} if the server answered without a body
     */
    public Schedule enable(String id) {
        return http.exchange("POST", path(id) + "/$enable", null, null, scheduleType);
    }

    /**
     * {@code POST /api/v1/schedules/{id}/$disable}.
     *
     * @param id schedule id
     * @return the schedule as it is now, or {@code null} if the server answered without a body
     */
    public Schedule disable(String id) {
        return http.exchange("POST", path(id) + "/$disable", null, null, scheduleType);
    }

    /**
     * {@code POST /api/v1/schedules/{id}/$trigger}: runs the schedule's task now, outside its timetable.
     *
     * @param id schedule id
     * @return the job and its pre-allocated result artifact id
     */
    public JobSubmission trigger(String id) {
        return http.exchange(
                "POST", path(id) + "/$trigger", null, null, http.types().constructType(JobSubmission.class));
    }

    private static String path(String id) {
        return BASE + "/" + ChapkitHttp.segment(id);
    }
}

package org.chapkit.job;

import org.chapkit.problem.NotFoundException;

/** No job has the requested id (404, detail {@code "Job not found"} as chapkit words it). */
public class JobNotFoundException extends NotFoundException {

    public JobNotFoundException() {
        super("Job not found");
    }
}

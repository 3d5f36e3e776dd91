package org.chapkit.autoconfigure.cluster;

import org.chapkit.cluster.SelfFencing;
import org.chapkit.job.JobManager;

/** Fences the job system of an instance the others declared dead: no claims, no writes from its running attempts. */
final class JobSystemFencing implements SelfFencing {

    private final JobManager jobs;

    JobSystemFencing(JobManager jobs) {
        this.jobs = jobs;
    }

    @Override
    public void fence() {
        jobs.fence();
    }

    @Override
    public boolean holdsWork() {
        return jobs.holdsWork();
    }

    @Override
    public void unfence() {
        jobs.unfence();
    }
}

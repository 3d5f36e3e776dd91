package org.chapkit.task;

import java.util.Set;

/**
 * A place in the database that names tasks (task state, schedules, job history). Names found there but missing
 * from the {@link TaskRegistry} are orphans: tasks whose code was removed or renamed by a deploy.
 */
public interface TaskReferenceSource {

    /** Short name of the source as shown in orphan listings, for example {@code schedules}. */
    String sourceName();

    /** The task names this source refers to. */
    Set<String> referencedTaskNames();

    /** Deletes this source's references to {@code taskName}; returns how many rows went. */
    int deleteReferences(String taskName);
}

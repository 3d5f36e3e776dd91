package org.chapkit.job;

import org.chapkit.problem.BadRequestException;

/** A job was submitted for a type no {@link JobHandler} bean handles. */
public class UnknownJobTypeException extends BadRequestException {

    public UnknownJobTypeException(String type) {
        super("No JobHandler is registered for job type '" + type + "'");
    }
}

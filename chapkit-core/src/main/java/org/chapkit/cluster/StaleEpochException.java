package org.chapkit.cluster;

import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;

/** A leader-only write carried an epoch that is no longer the current one: a newer leader has taken over. */
public class StaleEpochException extends ChapkitException {

    /**
     * @param epoch the epoch the write carried
     * @param current the current epoch
     */
    public StaleEpochException(long epoch, long current) {
        super(
                ProblemType.CONFLICT,
                "Leader-only write with epoch " + epoch + " rejected: the current epoch is " + current
                        + " (a newer leader took over)");
    }
}

package org.chapkit.cluster;

/**
 * What an instance does when it finds that the others declared it dead (it was paused, or cut off from the database,
 * for longer than the failure-detection time): the leader is taking its work over, so it must stop claiming work and
 * stop writing for the work it still runs, and may rejoin only once it holds nothing any more. The starter's
 * implementation fences the job system ({@code JobManager.fence()}).
 */
public interface SelfFencing {

    /** Fences nothing: an instance without a job system rejoins at once. */
    SelfFencing NONE = new SelfFencing() {
        @Override
        public void fence() {}

        @Override
        public boolean holdsWork() {
            return false;
        }

        @Override
        public void unfence() {}
    };

    /** Stops claiming work and stops the running work's writes; called once when the instance finds itself dead. */
    void fence();

    /** Whether the instance still holds work the leader has not taken over yet; it rejoins once this is false. */
    boolean holdsWork();

    /** Lets the instance claim work again; called when it rejoins. */
    void unfence();
}

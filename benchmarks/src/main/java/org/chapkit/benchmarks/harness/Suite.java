package org.chapkit.benchmarks.harness;

import java.util.List;

/** A group of measurements that the harness runs by name and that yields rows of the results table. */
public interface Suite {

    /** The name on the command line ({@code java -jar benchmarks.jar <name>}). */
    String name();

    /**
     * Measures and returns the rows. Throwing marks the suite's rows as failed; the harness goes on.
     *
     * @param context the database, directories and options of this run
     */
    List<Row> run(HarnessContext context) throws Exception;

    /** The rows this suite would fill, as placeholders for when it fails or is not selected. */
    List<Row> placeholders();

    /** Whether {@code all} runs this suite; a suite that takes many minutes (the soak) runs only by name. */
    default boolean inAll() {
        return true;
    }
}

package org.chapkit.ml.format;

import java.util.Optional;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;

/**
 * Whether parquet-java and Hadoop's client jars are on the class path; they are optional dependencies of
 * {@code chapkit-ml}, and every Parquet class is only touched after this check.
 */
final class ParquetSupport {

    /** The text of the 406 answered when Parquet is not enabled. */
    static final String HOW_TO_ENABLE = "Parquet is not enabled in this service: add org.apache.parquet:parquet-hadoop,"
            + " org.apache.hadoop:hadoop-client-api and org.apache.hadoop:hadoop-client-runtime to its dependencies"
            + " (see docs/data-formats.md)";

    private static final boolean AVAILABLE = present("org.apache.parquet.hadoop.ParquetWriter")
            && present("org.apache.hadoop.conf.Configuration")
            && present("org.apache.hadoop.shaded.com.ctc.wstx.stax.WstxInputFactory");

    private ParquetSupport() {}

    static boolean available() {
        return AVAILABLE;
    }

    static Optional<String> unavailableReason() {
        return AVAILABLE ? Optional.empty() : Optional.of(HOW_TO_ENABLE);
    }

    static void require() {
        if (!AVAILABLE) {
            throw new ChapkitException(ProblemType.NOT_ACCEPTABLE, HOW_TO_ENABLE);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ParquetSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }
}

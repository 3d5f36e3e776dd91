package org.chapkit.ml.runner;

import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's {@code Table} as a runner parameter or result, recognised by class name so that the runners never load
 * Tablesaw themselves: Tablesaw is an optional dependency, on the class path only when the application's own runner
 * uses its types (and then its classes are loaded by that runner already).
 */
final class TablesawTables {

    private static final String TABLE = "tech.tablesaw.api.Table";

    private TablesawTables() {}

    /** Whether {@code type} is Tablesaw's {@code Table}, without loading Tablesaw. */
    static boolean isTable(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (current.getName().equals(TABLE)) {
                return true;
            }
        }
        return false;
    }

    /** Converts a {@code Table} (checked with {@link #isTable}) to a frame. */
    static DataFrame toFrame(Object table) {
        return TablesawFrames.fromTable((Table) table);
    }
}

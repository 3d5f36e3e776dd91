package org.chapkit.artifact.transfer;

import java.util.List;
import tools.jackson.core.JsonParser;

/**
 * One or more stored DataFrames read as one table, each readable as often as a format needs (Parquet reads twice:
 * once to infer column types, once to write). Rows are streamed from the stored JSON; no row list is built.
 */
public interface TabularSource {

    /**
     * The column names shared by every part.
     *
     * @return the columns
     */
    List<String> columns();

    /**
     * The name of the extra leading column naming the part each row comes from, or null for a single frame.
     *
     * @return e.g. {@code artifact_id}, or null
     */
    String labelColumn();

    /**
     * The number of parts.
     *
     * @return at least 1
     */
    int parts();

    /**
     * The label of a part (its artifact id).
     *
     * @param part index from 0
     * @return the label
     */
    String label(int part);

    /**
     * A parser positioned on the {@code START_ARRAY} of the part's {@code data}; each following element is a row
     * array. The caller closes it.
     *
     * @param part index from 0
     * @return the parser
     */
    JsonParser openRows(int part);
}

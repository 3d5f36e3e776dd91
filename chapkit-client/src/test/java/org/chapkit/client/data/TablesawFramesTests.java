package org.chapkit.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.chapkit.client.data.tablesaw.TablesawFrames;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The optional Tablesaw adapter keeps values, missing cells and column types. */
class TablesawFramesTests {

    @Test
    void tableToDataFrameAndBack() {
        DoubleColumn cases = DoubleColumn.create("disease_cases", 42.0, 7.5);
        cases.setMissing(1);
        Table table = Table.create(
                "historic",
                StringColumn.create("location", "location_0", "location_1"),
                IntColumn.create("population", 512345, 87000),
                cases,
                BooleanColumn.create("flag", true, false),
                DateColumn.create("day", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2)));

        DataFrame frame = TablesawFrames.fromTable(table);

        assertThat(frame.columns()).containsExactly("location", "population", "disease_cases", "flag", "day");
        assertThat(frame.data().get(0)).containsExactly("location_0", 512345, 42.0, true, "2020-01-01");
        assertThat(frame.data().get(1)).containsExactly("location_1", 87000, null, false, "2020-01-02");
        assertThat(frame.schema().fields())
                .extracting(SchemaField::type)
                .containsExactly("string", "integer", "number", "boolean", "string");

        Table back = TablesawFrames.toTable(frame, "copy");
        assertThat(back.columnNames()).containsExactly("location", "population", "disease_cases", "flag", "day");
        assertThat(back.column("population").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(back.column("disease_cases").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(back.column("disease_cases").isMissing(1)).isTrue();
        assertThat(back.column("flag").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(back.column("day").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void typesAreInferredWithoutASchemaAndCheckedWithOne() {
        DataFrame frame = DataFrame.builder("n", "x", "big", "empty")
                .row(1, 1.5, 10_000_000_000L, null)
                .row(2, 2, 1, null)
                .build();

        Table table = TablesawFrames.toTable(frame, "t");

        assertThat(table.column("n").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(table.column("x").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(table.column("big").type()).isEqualTo(ColumnType.LONG);
        assertThat(table.column("empty").type()).isEqualTo(ColumnType.STRING);

        DataFrame wrong =
                DataFrame.builder("n").row("three").type("n", "number").build();
        assertThatThrownBy(() -> TablesawFrames.toTable(wrong, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n' is numeric");
    }
}

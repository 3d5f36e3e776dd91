package org.chapkit.artifact.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one large stored {@code data} value without holding it whole: the connection it was read on stays open
 * until the stream is closed. On PostgreSQL (whose driver reads a TEXT value whole) the value is turned into UTF-8
 * bytes once on the server and fetched through a cursor in {@value #SLICE_BYTES}-byte slices; on other databases
 * (H2 streams its CLOBs) through {@link ResultSet#getCharacterStream}.
 */
final class StoredDataStream {

    /**
     * Bytes per slice fetched from PostgreSQL: under half a G1 region even in a small heap (1 MiB regions below 2 GB),
     * so slices are not humongous objects that go straight to the old generation (1 MiB slices made a 256 MB heap run
     * one concurrent cycle after another).
     */
    static final int SLICE_BYTES = 256 * 1024;

    /**
     * One server-side pass: the materialised CTE converts the value once (the TEXT is not re-detoasted per slice),
     * {@code substring} on the materialised bytea costs only its slice, and the lateral series keeps the slices in
     * order (checked by {@code g} on the way in).
     */
    private static final String POSTGRES_SLICES = "WITH d AS MATERIALIZED (SELECT convert_to(data, 'UTF8') AS b "
            + "FROM artifacts WHERE id = ?) SELECT g, substring(d.b FROM g * " + SLICE_BYTES + " + 1 FOR "
            + SLICE_BYTES + ") FROM d CROSS JOIN LATERAL generate_series(0, (octet_length(d.b) - 1) / "
            + SLICE_BYTES + ") AS g";

    private StoredDataStream() {}

    /**
     * A parser over the value (closing it releases the connection), or null when the row is gone.
     *
     * @throws SQLException when the query fails
     */
    static JsonParser open(DataSource dataSource, ChapkitTables tables, JsonMapper mapper, String id)
            throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Holder holder = new Holder(dataSource, connection);
        try {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                holder.beginCursor();
                PreparedStatement statement = holder.prepare(tables.qualify(POSTGRES_SLICES));
                statement.setFetchSize(2);
                binaryTransfer(statement);
                statement.setString(1, id);
                ResultSet rows = holder.query(statement);
                if (!rows.next()) {
                    holder.close();
                    return null;
                }
                return mapper.createParser(new SliceStream(holder, rows));
            }
            PreparedStatement statement = holder.prepare(tables.qualify("SELECT data FROM artifacts WHERE id = ?"));
            statement.setString(1, id);
            ResultSet rows = holder.query(statement);
            if (!rows.next()) {
                holder.close();
                return null;
            }
            return mapper.createParser(new HeldReader(holder, rows.getCharacterStream(1)));
        } catch (SQLException | RuntimeException ex) {
            holder.closeQuietly(ex);
            throw ex;
        }
    }

    /**
     * Asks pgjdbc to receive the {@code bytea} slices in binary: by default a statement run once gets text results,
     * and decoding a slice's hex text costs more CPU than the rest of the export (profiled). A negative prepare
     * threshold makes pgjdbc prepare the statement at once and use binary transfer. Reflection keeps the driver
     * optional; without it the text format still works.
     */
    private static void binaryTransfer(PreparedStatement statement) {
        try {
            Class<?> pgStatement = Class.forName("org.postgresql.PGStatement");
            if (statement.isWrapperFor(pgStatement)) {
                pgStatement.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pgStatement), -1);
            }
        } catch (ReflectiveOperationException | SQLException | LinkageError ex) {
            // not pgjdbc, or a version without it: text transfer
        }
    }

    /** The connection, statement and result set of one read, closed together. */
    private static final class Holder {

        private final DataSource dataSource;
        private final Connection connection;
        private PreparedStatement statement;
        private ResultSet rows;
        private boolean restoreAutoCommit;

        Holder(DataSource dataSource, Connection connection) {
            this.dataSource = dataSource;
            this.connection = connection;
        }

        /** PostgreSQL only fetches with a cursor (fetch size honoured) outside auto-commit. */
        void beginCursor() throws SQLException {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                restoreAutoCommit = true;
            }
        }

        PreparedStatement prepare(String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
            return statement;
        }

        ResultSet query(PreparedStatement prepared) throws SQLException {
            rows = prepared.executeQuery();
            return rows;
        }

        void close() throws SQLException {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
                if (restoreAutoCommit) {
                    connection.rollback(); // read only: nothing to keep
                    connection.setAutoCommit(true);
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        void closeQuietly(Exception cause) {
            try {
                close();
            } catch (SQLException ex) {
                cause.addSuppressed(ex);
            }
        }
    }

    /** Concatenates the slices of the PostgreSQL cursor. */
    private static final class SliceStream extends InputStream {

        private final Holder holder;
        private final ResultSet rows;
        private byte[] slice;
        private int position;
        private long expected;
        private boolean closed;

        SliceStream(Holder holder, ResultSet rows) throws SQLException {
            this.holder = holder;
            this.rows = rows;
            take();
        }

        private void take() throws SQLException {
            long g = rows.getLong(1);
            if (g != expected) {
                throw new SQLException("Slice " + g + " arrived where slice " + expected + " was expected");
            }
            expected++;
            slice = rows.getBytes(2);
            position = 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            try {
                while (slice != null && position >= slice.length) {
                    slice = null;
                    if (rows.next()) {
                        take();
                    }
                }
            } catch (SQLException ex) {
                throw new IOException("Reading the stored artifact data failed: " + ex.getMessage(), ex);
            }
            if (slice == null) {
                return -1;
            }
            int n = Math.min(length, slice.length - position);
            System.arraycopy(slice, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                slice = null;
                try {
                    holder.close();
                } catch (SQLException ex) {
                    throw new IOException(ex);
                }
            }
        }
    }

    /** A CLOB reader that releases its connection when closed. */
    private static final class HeldReader extends Reader {

        private final Holder holder;
        private final Reader in;
        private boolean closed;

        HeldReader(Holder holder, Reader in) {
            this.holder = holder;
            this.in = in;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            return in.read(target, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    in.close();
                } finally {
                    try {
                        holder.close();
                    } catch (SQLException ex) {
                        throw new IOException(ex);
                    }
                }
            }
        }
    }
}

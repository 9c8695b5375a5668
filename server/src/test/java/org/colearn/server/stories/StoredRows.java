package org.colearn.server.stories;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything the database holds, row by row as text, for tests that look for what must never be stored. */
final class StoredRows {

    private StoredRows() {}

    /** Every row of every table in the schema, as {@code "table: value value ..."} (the table's name in lower case). */
    static List<String> all(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery("select * from \"" + table + "\"")) {
                int columns = found.getMetaData().getColumnCount();
                while (found.next()) {
                    StringBuilder row = new StringBuilder(table.toLowerCase(Locale.ROOT)).append(':');
                    for (int i = 1; i <= columns; i++) {
                        row.append(' ').append(found.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}

package org.colearn.plugin.api;

import java.util.List;

/**
 * A result people take away after the session: as a Markdown document to read and share, and as a table to open in
 * a spreadsheet. Implement it on the record you {@link ActivityContext#publish publish}; the server renders both when
 * the result is published and keeps them with the session.
 *
 * @since 1
 */
public interface ExportableResult {

    /** The result as a Markdown document, starting with a level-one heading. Never null. */
    String markdown();

    /**
     * The result as a table: the first row holds the column names, every row has as many cells. Cells are plain text
     * (the server quotes them for CSV). Never null.
     */
    List<List<String>> table();
}

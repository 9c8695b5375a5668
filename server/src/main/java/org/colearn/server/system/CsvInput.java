package org.colearn.server.system;

import org.apache.commons.csv.CSVFormat;

/**
 * How every CSV file people upload is read: the first line names the columns in any case, blank lines and the spaces
 * around values are ignored, and the byte-order mark a spreadsheet may write first is dropped.
 */
public final class CsvInput {

    public static final CSVFormat HEADED = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();

    private CsvInput() {}

    public static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}

package org.colearn.server.system;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.sql.SQLException;

/**
 * Writes a logged exception as its classes and stack frames, without its messages: a database driver's message may
 * quote the row that failed (a story's text, an edit key's hash), and a parser's the text it could not read, so no
 * exception message reaches a log line. A database error keeps its SQLState, which says what went wrong.
 */
public final class ContentFreeThrowableConverter extends ThrowableHandlingConverter {

    private static final int MAX_CAUSES = 16;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String prefix = "";
        for (int depth = 0; proxy != null && depth < MAX_CAUSES; depth++, proxy = proxy.getCause()) {
            out.append(prefix).append(proxy.getClassName()).append(sqlState(proxy)).append(" (message not logged)\n");
            StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
            int shown = Math.max(0, frames.length - proxy.getCommonFrames());
            for (int i = 0; i < shown; i++) {
                out.append('\t').append(frames[i].getSTEAsString()).append('\n');
            }
            if (proxy.getCommonFrames() > 0) {
                out.append("\t... ").append(proxy.getCommonFrames()).append(" common frames omitted\n");
            }
            prefix = "Caused by: ";
        }
        return out.toString();
    }

    private static String sqlState(IThrowableProxy proxy) {
        if (proxy instanceof ThrowableProxy real && real.getThrowable() instanceof SQLException sql && sql.getSQLState() != null) {
            return " [SQLState " + sql.getSQLState() + "]";
        }
        return "";
    }
}

package org.adjoint.core;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * A {@link System.LoggerFinder} that prints every record to standard output as one line,
 * {@code LOG <logger> <level> <message>}, so that a parent JVM can count what was logged. Installed
 * only in the child JVMs of {@link VectorizationNoticeTest} (through a {@code META-INF/services} file
 * the test writes): a logger finder is global to its JVM.
 */
public final class PrintingLoggerFinder extends System.LoggerFinder {

    /** Creates the finder; {@link java.util.ServiceLoader} calls this. */
    public PrintingLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Printing(name);
    }

    /** Prints each record it is given, whatever its level. */
    private record Printing(String name) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            System.out.println("LOG " + name + " " + level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                    (Throwable) null);
        }
    }
}

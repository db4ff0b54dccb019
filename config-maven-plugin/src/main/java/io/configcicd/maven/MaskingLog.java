package io.configcicd.maven;

import io.configcicd.core.report.EventLines;
import io.configcicd.core.event.Event;
import io.configcicd.core.report.LogLine;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/**
 * The Maven log of a goal with every secret of the configuration directory masked (the workspace's masker): the
 * plugin's output passes through the same masker as the CLI's. Throwables are logged by their masked message only.
 */
final class MaskingLog implements Log {

    private final Log log;
    private final UnaryOperator<String> masker;

    MaskingLog(Log log, UnaryOperator<String> masker) {
        this.log = log;
        this.masker = masker;
    }

    private CharSequence mask(CharSequence text) {
        return text == null ? null : masker.apply(text.toString());
    }

    private String mask(Throwable t) {
        return t == null ? "" : masker.apply(String.valueOf(t.getMessage()));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(mask(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(mask(content) + ": " + mask(error));
    }

    @Override
    public void debug(Throwable error) {
        log.debug(mask(error));
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(mask(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(mask(content) + ": " + mask(error));
    }

    @Override
    public void info(Throwable error) {
        log.info(mask(error));
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(mask(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(mask(content) + ": " + mask(error));
    }

    @Override
    public void warn(Throwable error) {
        log.warn(mask(error));
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(mask(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(mask(content) + ": " + mask(error));
    }

    @Override
    public void error(Throwable error) {
        log.error(mask(error));
    }

    /** Logs lines the core built, each at its level. */
    static void write(Log log, List<LogLine> lines) {
        for (LogLine line : lines) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                default -> log.info(line.text());
            }
        }
    }

    /**
     * A progress event of the core: a warning as a warning, a monitor round as one line (information, a warning when
     * the round failed; its per-probe and per-target lines at debug level), the other steps (files written, backups
     * taken) at debug level.
     */
    static void event(Log log, Event event) {
        LogLine line = EventLines.of(event);
        if (event instanceof Event.Round round) {
            write(log, List.of(line));
            round.details().forEach(d -> log.debug("  " + d));
        } else if (line.level() == LogLine.Level.INFO) {
            log.debug(line.text());
        } else {
            log.warn(line.text());
        }
    }
}

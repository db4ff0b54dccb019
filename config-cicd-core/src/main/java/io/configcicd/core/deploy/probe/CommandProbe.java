package io.configcicd.core.deploy.probe;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code command} probe: {@code /bin/sh -c <location>} in the context's working directory with exactly the
 * context's environment (nothing inherited), stdin closed, stdout and stderr into a private temporary file (deleted
 * after) of which the last {@link #TAIL} bytes are read. Healthy when it exits 0 within the timeout; past the timeout
 * or on cancellation the shell and all its descendants are killed. Answers {@code "exit 0"},
 * {@code "exit 1: <last line of output>"}, {@code "timed out after 60 s"}, {@code "cancelled"}, masked. Waits on the
 * caller's thread; starts no thread.
 */
public final class CommandProbe implements Probe {

    static final int TAIL = 2048;
    /** More output than this and the command is killed: a probe that prints without end must not fill the disk. */
    static final long MAX_OUTPUT = 8L * 1024 * 1024;
    private static final long SLICE_MILLIS = 25;
    private static final Duration REAP = Duration.ofSeconds(2);

    private final ProbeSpec spec;
    private final ProbeContext context;

    public CommandProbe(ProbeSpec spec, ProbeContext context) {
        if (spec.kind() != ProbeSpec.Kind.COMMAND) {
            throw new IllegalArgumentException("not a command probe: " + spec.name());
        }
        this.spec = spec;
        this.context = context;
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public ProbeAnswer ask(Cancellation cancel) {
        Instant start = context.clock().instant();
        Path output = null;
        try {
            output = Files.createTempFile("config-cicd-probe-", ".out");
            String text = run(output, cancel);
            boolean healthy = text.equals("exit 0");
            return Texts.answer(context.masker(), healthy, text, Texts.since(context.clock(), start), Optional.empty());
        } catch (IOException e) {
            return Texts.answer(context.masker(), false, "cannot run the command: " + e.getMessage(),
                    Texts.since(context.clock(), start), Optional.empty());
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temporary file left behind; nothing to report in an answer
                }
            }
        }
    }

    /** Runs the command to its end, its timeout or a cancellation; what happened in a few words (not yet masked). */
    private String run(Path output, Cancellation cancel) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", spec.location())
                .directory(context.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().clear();
        pb.environment().putAll(context.env());
        Process process = pb.start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        try {
            while (!process.waitFor(SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    kill(process);
                    return "cancelled";
                }
                if (System.nanoTime() - deadline >= 0) {
                    kill(process);
                    return "timed out after " + Texts.duration(spec.timeout());
                }
                if (Files.size(output) > MAX_OUTPUT) {
                    kill(process);
                    return "killed: it wrote more than " + MAX_OUTPUT / (1024 * 1024) + " MiB of output";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return "cancelled";
        }
        int exit = process.exitValue();
        if (exit == 0) {
            return "exit 0";
        }
        String last = lastLine(output, context.masker());
        return "exit " + exit + (last.isEmpty() ? "" : ": " + last);
    }

    /**
     * Kills the shell and every descendant with SIGKILL (found before each dies, while they are still descendants),
     * then reaps the shell. Descendants are not waited for: they are reparented, and their reaper may be slow (a
     * container's init), so waiting would delay a cancellation for nothing; SIGKILL cannot be ignored.
     */
    private static void kill(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (int i = 0; i < family.size(); i++) {
            ProcessHandle h = family.get(i);
            h.descendants().filter(d -> !family.contains(d)).forEach(family::add);
            h.destroyForcibly();
        }
        try {
            process.waitFor(REAP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The last non-blank line of the output's last {@link #TAIL} bytes, masked, then whitespace collapsed and cut. A
     * line cut by the start of the tail is skipped, unless it is the only line (then only its end is kept).
     */
    static String lastLine(Path output, OutputMasker masker) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(output.toFile(), "r")) {
            long from = Math.max(0, f.length() - TAIL);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            String tail = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = tail.split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank() && (i > 0 || from == 0 || lines.length == 1)) {
                    String line = Texts.oneLine(masker.mask(lines[i]));
                    return i == 0 && from > 0 ? "…" + line.substring(Math.max(0, line.length() - Texts.EXCERPT))
                            : Texts.cut(line, Texts.EXCERPT);
                }
            }
            return "";
        }
    }
}

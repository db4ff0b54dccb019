package io.configcicd.action;

import io.configcicd.core.event.MaskSink;
import io.configcicd.core.security.OutputMasker;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The masks of a run, on both sides: the runner's ({@code ::add-mask::}, printed on the raw standard output) and the
 * action's own (every line, output, summary and report passes through {@link #mask}). It starts with the secrets of
 * the configuration directory and the credentials ({@link #start}, before anything else is printed), and learns the
 * values a service resolves while it runs (a {@code ${vault:...}} reference for a {@code secrets: resolve} target):
 * the core hands each to {@link #learned} before it emits anything that could contain it, and this class prints its
 * {@code ::add-mask::} at once, so the runner hides it in this step's log and in every later step's.
 */
final class RunnerMasks implements MaskSink, UnaryOperator<String> {

    private final PrintStream raw;
    private volatile OutputMasker masker;

    /** @param raw the step's standard output, unmasked: only {@code ::add-mask::} lines are printed to it here */
    RunnerMasks(OutputMasker initial, PrintStream raw) {
        this.masker = initial;
        this.raw = raw;
    }

    /** Prints {@code ::add-mask::} for every secret known so far; the first thing the step prints. */
    void start() {
        synchronized (raw) {
            WorkflowCommands.addMasks(masker.values(), raw);
        }
    }

    @Override
    public void learned(List<String> values) {
        synchronized (raw) {
            WorkflowCommands.addMasks(values, raw);
            masker = masker.with(OutputMasker.ofValues(values));
        }
    }

    /** The text with every secret known so far masked. */
    @Override
    public String apply(String text) {
        return masker.mask(text);
    }

    /** A stream that masks each line with the secrets known when the line is complete, then writes it to {@code out}. */
    PrintStream masking(OutputStream out) {
        return new PrintStream(new LineMasking(out), true, StandardCharsets.UTF_8);
    }

    /** Holds bytes until a newline (or a flush), masks the line, writes it; under the lock of the raw stream. */
    private final class LineMasking extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        LineMasking(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            synchronized (raw) {
                line.write(b);
                if (b == '\n') {
                    emit();
                }
            }
        }

        @Override
        public void flush() {
            synchronized (raw) {
                emit();
            }
        }

        private void emit() {
            if (line.size() == 0) {
                return;
            }
            byte[] masked = apply(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            line.reset();
            try {
                out.write(masked);
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

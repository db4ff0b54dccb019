package io.configcicd.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The last line of defence of the CLI's standard output and error: every line passes through the masker of the
 * configuration directory in use ({@code Workspace#masker()}, known once the command has opened it), so no
 * secret value, in any of its encoded forms, leaves the process even if a message carries one by mistake.
 * Complete lines are masked whole (those of one write together); a secret spread over several lines is not
 * recognised.
 */
final class MaskedOutput extends OutputStream {

    private final OutputStream target;
    private final UnaryOperator<String> masker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param masker masks a chunk of complete lines; called at each write, so it may follow the masker in use */
    MaskedOutput(OutputStream target, UnaryOperator<String> masker) {
        this.target = target;
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int lastNewline = -1;
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            line.write(b, off, len);
            return;
        }
        // every complete line of the chunk at once: one mask pass and one write, not one per line
        line.write(b, off, lastNewline + 1 - off);
        emit();
        line.write(b, lastNewline + 1, off + len - lastNewline - 1);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(masker.apply(text).getBytes(StandardCharsets.UTF_8));
    }
}

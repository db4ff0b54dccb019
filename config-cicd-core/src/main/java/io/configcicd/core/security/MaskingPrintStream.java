package io.configcicd.core.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A UTF-8 {@link PrintStream} that masks what is written to it with an {@link OutputMasker} before passing it on.
 * Bytes are held until a newline, then the line is decoded, masked, encoded and written to the target (and the
 * target flushed, like an auto-flushing stream). {@link #flush()} and {@link #close()} also pass on a partial line.
 * A newline byte never occurs inside a multi-byte UTF-8 sequence, so lines are always whole characters; a partial
 * line is passed on only up to its last complete character, the rest waits for the next write.
 *
 * <p>A secret is found only when it is wholly inside one line, and inside one flush: a caller that flushes in the
 * middle of a secret defeats the masking, which {@code print} and {@code println} never do. Thread safe.
 */
public final class MaskingPrintStream extends PrintStream {

    private final OutputStream target;
    private final OutputMasker masker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public MaskingPrintStream(OutputStream target, OutputMasker masker) {
        super(target, false, StandardCharsets.UTF_8);
        this.target = Objects.requireNonNull(target, "target");
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    @Override
    public void write(int b) {
        synchronized (this) {
            line.write(b);
            if (b == '\n') {
                emit(line.size(), true);
            }
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        synchronized (this) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i + 1 - start);
                    start = i + 1;
                    emit(line.size(), false);
                }
            }
            line.write(buf, start, end - start);
            if (start > off) {
                flushTarget();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (this) {
            emit(completeLength(), false);
            flushTarget();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            emit(line.size(), false);
            super.close();
        }
    }

    /** Masks and writes the first {@code n} buffered bytes; keeps the rest. */
    private void emit(int n, boolean flush) {
        if (n == 0) {
            return;
        }
        byte[] all = line.toByteArray();
        String masked = masker.mask(new String(all, 0, n, StandardCharsets.UTF_8));
        line.reset();
        line.write(all, n, all.length - n);
        try {
            target.write(masked.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            setError();
        }
        if (flush) {
            flushTarget();
        }
    }

    private void flushTarget() {
        try {
            target.flush();
        } catch (IOException e) {
            setError();
        }
    }

    /** The length of the buffered bytes without a trailing incomplete UTF-8 sequence. */
    private int completeLength() {
        byte[] b = line.toByteArray();
        int n = b.length;
        int i = n - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0 || (b[i] & 0x80) == 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return n - i >= need ? n : i;
    }
}

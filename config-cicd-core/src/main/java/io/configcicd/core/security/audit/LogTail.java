package io.configcicd.core.security.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The end of a log file, read backwards so an append costs the same however long the log is: the last
 * complete (newline-terminated) line and whether a torn line follows it.
 */
record LogTail(Optional<byte[]> lastLine, boolean torn) {

    private static final int CHUNK = 8192;

    static LogTail read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return new LogTail(Optional.empty(), false);
        }
        boolean torn = byteAt(ch, size - 1) != '\n';
        long end = lastNewline(ch, size);       // the newline that ends the last complete line, or -1
        if (end < 0) {
            return new LogTail(Optional.empty(), torn);
        }
        long start = lastNewline(ch, end) + 1;  // after the newline before it, or 0
        return new LogTail(Optional.of(readFully(ch, start, (int) Math.min(Integer.MAX_VALUE - 8, end - start))), torn);
    }

    /** The position of the last '\n' before {@code before}, or -1. */
    private static long lastNewline(FileChannel ch, long before) throws IOException {
        long pos = before;
        while (pos > 0) {
            int len = (int) Math.min(CHUNK, pos);
            long from = pos - len;
            byte[] b = readFully(ch, from, len);
            for (int i = len - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }

    private static byte byteAt(FileChannel ch, long pos) throws IOException {
        return readFully(ch, pos, 1)[0];
    }

    private static byte[] readFully(FileChannel ch, long from, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                throw new IOException("the log ended while it was read (was it truncated meanwhile?)");
            }
        }
        return buf.array();
    }
}

package io.configcicd.core.load;

import io.configcicd.core.model.Origin;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding shared by the codecs: invalid bytes are an error at file:line:column, a BOM is dropped. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes the bytes of a file.
     *
     * @throws ConfigParseException naming the line and column of the first invalid byte
     */
    public static String decode(byte[] content, String file) {
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (isAscii(content, start)) {
            return new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalid(content, start, in.position(), file);
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalid(content, start, in.position(), file);
        }
        out.flip();
        return out.toString();
    }

    /** Decodes without a file, for callers that handle the exception themselves. */
    public static String decodeOrThrow(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content)).toString();
    }

    private static boolean isAscii(byte[] content, int start) {
        for (int i = start; i < content.length; i++) {
            if (content[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static ConfigParseException invalid(byte[] content, int start, int badIndex, String file) {
        int line = 1;
        int column = 1;
        for (int i = start; i < badIndex && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
                column = 1;
            } else if ((content[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new ConfigParseException(Origin.of(file, line, column),
                String.format("invalid UTF-8 byte 0x%02X", content[Math.min(badIndex, content.length - 1)] & 0xFF),
                "save the file as UTF-8");
    }
}

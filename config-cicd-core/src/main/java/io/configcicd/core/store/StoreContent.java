package io.configcicd.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a target holds, independent of the store: the entries of a {@link Layout#KEYS} target or the text of a
 * {@link Layout#DOCUMENT} target. {@link #sha256()} is the same for the same content in every store, so the
 * deployed record's hash can be compared with any store's live content (drift, "nothing to do").
 *
 * <p>Empty content (no entries, or an empty text) means the target holds nothing: a read of a target that does
 * not exist returns it, and applying it removes the data (a restore of a target that was empty before).
 */
public sealed interface StoreContent permits StoreContent.Keys, StoreContent.Document {

    Layout layout();

    /**
     * The bytes that {@link #sha256()} and size limits are computed over: a document's UTF-8 text; for keys, the
     * compact JSON object of the entries in name order ({@code {"a.b":"5","c":"x"}}).
     */
    byte[] canonicalBytes();

    boolean isEmpty();

    /** The lower-case hex SHA-256 of {@link #canonicalBytes()}. */
    default String sha256() {
        return sha256Hex(canonicalBytes());
    }

    /** The size that limits are checked against. */
    default long sizeBytes() {
        return canonicalBytes().length;
    }

    static StoreContent empty(Layout layout) {
        return layout == Layout.KEYS ? Keys.EMPTY : new Document("", DocumentFormat.JSON.mediaType());
    }

    /** The hex SHA-256 of some bytes, for stores that hash their own records. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Entry name (dotted path of a leaf) to its text, sorted by name. */
    record Keys(SortedMap<String, String> entries) implements StoreContent {

        static final Keys EMPTY = new Keys(new TreeMap<>());

        public Keys {
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(entries, "entries")));
        }

        public static Keys of(Map<String, String> entries) {
            return new Keys(new TreeMap<>(entries));
        }

        @Override
        public Layout layout() {
            return Layout.KEYS;
        }

        @Override
        public byte[] canonicalBytes() {
            StringBuilder out = new StringBuilder(32 * entries.size() + 2).append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : entries.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                CompactJson.quote(e.getKey(), out);
                out.append(':');
                CompactJson.quote(e.getValue(), out);
            }
            return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public String toString() {
            return "Keys[" + entries.size() + " entries]";
        }
    }

    /** One text and its media type ({@code application/json}, {@code application/yaml}). */
    record Document(String text, String mediaType) implements StoreContent {

        public Document {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(mediaType, "mediaType");
        }

        @Override
        public Layout layout() {
            return Layout.DOCUMENT;
        }

        @Override
        public byte[] canonicalBytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isEmpty() {
            return text.isEmpty();
        }

        /** Never the text: it may hold resolved secrets. */
        @Override
        public String toString() {
            return "Document[" + mediaType + ", " + text.length() + " chars]";
        }
    }
}

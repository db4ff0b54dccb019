package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import java.util.Objects;

/**
 * A change a rule offers to make a violation go away: set {@code path} to {@code value} in the document that
 * {@code document} names. {@code description} says it in words, for example "replace the plaintext secret with
 * ${OPENAI_API_KEY} and set that variable"; it never contains a secret value.
 */
public record Fix(ConfigPath path, ConfigNode value, String description, Document document) {

    /** Which document a fix edits. */
    public enum Document {
        /**
         * The file where the offending value was written (the finding's origin), for example a plaintext secret
         * in {@code global/base.yaml}: the value must leave that file, whichever environment found it. When the
         * finding has no origin, the environment's override document.
         */
        ORIGIN,
        /**
         * The override document of the environment being validated ({@code environments/E.*}, created when
         * missing), for example {@code debug: false} for production alone.
         */
        ENVIRONMENT
    }

    public Fix {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(document, "document");
    }

    /** A fix in the environment's override document. */
    public Fix(ConfigPath path, ConfigNode value, String description) {
        this(path, value, description, Document.ENVIRONMENT);
    }
}

package io.configcicd.core.validate.schema;

import com.networknt.schema.SchemaException;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.io.FileNotFoundException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The error of a schema document that refers to another document that is not there: networknt reports the missing
 * document as a {@link FileNotFoundException} with its IRI (which reads as if something had been downloaded; nothing
 * is). This names the reference as written, at its file:line, the IRI it resolves to, and how to supply that
 * document; a {@code $schema} that names an unknown dialect gets its own message.
 *
 * @param source the document as read (with origins), to find where the reference was written
 * @param supply the hint, given the IRI of the missing document
 */
record MissingDocuments(ConfigNode source, UnaryOperator<String> supply) {

    /** Throws the error of a missing document when {@code e} is about one; returns otherwise. */
    void check(String file, SchemaException e) {
        Optional<String> iri = missingIri(e);
        if (iri.isEmpty()) {
            return;
        }
        String document = SchemaSet.stripFragment(iri.get());
        Optional<ConfigScalar> dialect = keyword(source, "$schema")
                .filter(s -> SchemaSet.stripFragment(s.asText()).equals(document));
        if (dialect.isPresent()) {
            throw ConfigCicdException.badInput(at(file, dialect.get()), "$schema \"" + dialect.get().asText()
                    + "\" names no JSON Schema draft that config-cicd knows",
                    "use a draft's meta-schema, e.g. https://json-schema.org/draft/2020-12/schema or "
                            + "http://json-schema.org/draft-07/schema#, or leave $schema out (2020-12)");
        }
        Optional<ConfigScalar> ref = reference(source, document);
        String written = ref.map(r -> "$ref \"" + r.asText() + "\"").orElse("a $ref");
        throw ConfigCicdException.badInput(ref.map(r -> at(file, r)).orElse(Origin.file(file)),
                written + " cannot be resolved: no schema document given has the $id " + document
                        + " (config-cicd never fetches a schema from the network)", supply.apply(document));
    }

    private static Origin at(String file, ConfigScalar scalar) {
        return scalar.origin().isKnown() ? scalar.origin() : Origin.file(file);
    }

    /** The IRI of the document networknt could not find, from the exception or one of its causes. */
    private static Optional<String> missingIri(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileNotFoundException && t.getMessage() != null) {
                String m = t.getMessage();
                return Optional.of(m.endsWith(" not found") ? m.substring(0, m.length() - " not found".length()) : m);
            }
        }
        return Optional.empty();
    }

    /** The first {@code $ref} (or {@code $dynamicRef}) whose document part names the missing document. */
    private static Optional<ConfigScalar> reference(ConfigNode node, String document) {
        if (node instanceof ConfigMap m) {
            for (String key : new String[] {"$ref", "$dynamicRef"}) {
                if (m.getOrNull(key) instanceof ConfigScalar s && s.type() == ScalarType.STRING && names(s.asText(), document)) {
                    return Optional.of(s);
                }
            }
            for (ConfigNode child : m.entries().values()) {
                Optional<ConfigScalar> found = reference(child, document);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node instanceof ConfigList l) {
            for (ConfigNode item : l.items()) {
                Optional<ConfigScalar> found = reference(item, document);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a reference as written resolves to the document (it is the IRI, or the IRI ends with it). */
    private static boolean names(String ref, String document) {
        String part = SchemaSet.stripFragment(ref);
        return !part.isEmpty() && (document.equals(part) || document.endsWith("/" + part));
    }

    private static Optional<ConfigScalar> keyword(ConfigNode node, String key) {
        return node instanceof ConfigMap m && m.getOrNull(key) instanceof ConfigScalar s && s.type() == ScalarType.STRING
                ? Optional.of(s) : Optional.empty();
    }
}

package io.configcicd.core.validate.schema;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.validate.Finding;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file as {@code validate --schema} reads it: its documents, each parsed or with the finding ({@value #PARSE_RULE})
 * that says why it could not be, or the fact that it does not exist (which the caller reports as bad input).
 *
 * <ul>
 *   <li>JSON and TOML files hold one document.</li>
 *   <li>A YAML file holds one document or several, separated by {@code ---} ({@link YamlDocuments}); a Kubernetes
 *       manifest is validated document by document, each named {@code file.yaml[n]} (from 1, empty documents such
 *       as a trailing {@code ---} skipped). An empty YAML file, or one of comments only, has one document that is
 *       null, as a YAML reader (and ajv-cli) sees it: not an empty mapping.</li>
 * </ul>
 *
 * @param name      the file as given, {@code /} separated
 * @param documents its documents, in order; empty when the file does not exist
 * @param missing   whether the file does not exist
 */
record FileDocuments(String name, List<Document> documents, boolean missing) {

    /** The rule id of a file that cannot be read or parsed. */
    static final String PARSE_RULE = "parse";

    private static final YamlCodec YAML = (YamlCodec) Codecs.standard().of(Format.YAML);

    FileDocuments {
        documents = List.copyOf(documents);
    }

    /**
     * One document: its tree, or the finding that says why it has none.
     *
     * @param label   {@code file.yaml[n]} for a document of a file of several, empty otherwise
     * @param tree    the document's tree, null when it could not be parsed
     * @param problem the finding about a document that could not be parsed, null when it was
     */
    record Document(String label, ConfigNode tree, Finding problem) {
    }

    /** Reads a file; every problem but a missing file is a finding. */
    static FileDocuments read(Path file, LoadLimits limits) {
        String name = displayName(file);
        try {
            return new FileDocuments(name, parse(file, name, limits), false);
        } catch (ConfigCicdException e) {
            return failed(name, e, "");
        } catch (NoSuchFileException e) {
            return new FileDocuments(name, List.of(), true);
        } catch (IOException e) {
            return new FileDocuments(name, List.of(failure(Origin.file(name), "", "cannot be read: " + ioReason(e))), false);
        }
    }

    private static FileDocuments failed(String name, ConfigCicdException e, String label) {
        return new FileDocuments(name, List.of(failed(name, label, e)), false);
    }

    private static Document failed(String name, String label, ConfigCicdException e) {
        Origin at = e.origin().isKnown() ? e.origin() : Origin.file(name);
        return failure(at, label, e.problem() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
    }

    private static Document failure(Origin at, String label, String message) {
        return new Document(label, null, new Finding(PARSE_RULE, Severity.ERROR, SchemaFiles.ENVIRONMENT, ConfigPath.root(),
                at, (label.isEmpty() ? "" : label + ": ") + message, Optional.empty()));
    }

    private static List<Document> parse(Path file, String name, LoadLimits limits) throws IOException {
        Optional<Format> format = Format.ofFileName(name);
        if (format.isEmpty()) {
            throw ConfigCicdException.badInput(Origin.file(name), "not a YAML, JSON or TOML file",
                    "name it .yaml, .yml, .json or .toml");
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw ConfigCicdException.badInput(Origin.file(name), "is a directory", "give the files it holds");
        }
        if (attributes.size() > limits.maxDocumentBytes()) {
            throw JacksonTreeReader.sizeError(name, attributes.size(), limits);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (format.get() != Format.YAML) {
            return List.of(new Document("", Codecs.standard().of(format.get()).parse(bytes, name, limits), null));
        }
        return yaml(Utf8.decode(bytes, name), name, limits);
    }

    private static List<Document> yaml(String text, String name, LoadLimits limits) {
        List<String> texts = YamlDocuments.split(text);
        if (texts.size() > 1) {
            texts = texts.stream().filter(YamlDocuments::hasContent).toList();
        }
        if (texts.size() <= 1) {
            String only = texts.isEmpty() ? "" : texts.get(0);
            ConfigNode tree = YAML.parseText(only, name, limits);
            boolean empty = tree instanceof ConfigMap m && m.isEmpty() && !YamlDocuments.hasContent(only);
            return List.of(new Document("", empty ? ConfigScalar.nullValue(Origin.file(name)) : tree, null));
        }
        List<Document> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String label = name + "[" + (i + 1) + "]";
            try {
                out.add(new Document(label, YAML.parseText(texts.get(i), name, limits), null));
            } catch (ConfigCicdException e) {
                out.add(failed(name, label, e));
            }
        }
        return out;
    }

    static String ioReason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** A path as the user gave it, with {@code /} separators. */
    static String displayName(Path path) {
        return path.toString().replace(File.separatorChar, '/');
    }
}

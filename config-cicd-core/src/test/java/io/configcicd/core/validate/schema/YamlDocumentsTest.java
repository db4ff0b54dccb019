package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the documents of a YAML stream start and end, from the lines alone, each at its own lines. */
class YamlDocumentsTest {

    @Test
    void aTextWithoutMarkersIsOneDocumentItself() {
        String text = "a: 1\nb: --- not a marker\n";
        assertThat(YamlDocuments.split(text)).containsExactly(text);
    }

    @Test
    void documentsKeepTheirLinesAndStartAtTheirMarkers() {
        List<String> docs = YamlDocuments.split("a: 1\n---\nb: 2\n...\n%YAML 1.2\n--- c: 3\n");

        assertThat(docs).containsExactly("a: 1", "\n---\nb: 2\n...", "\n\n\n\n%YAML 1.2\n--- c: 3\n");
    }

    @Test
    void markersInsideIndentedContentOrFollowedByTextAreNotMarkers() {
        String text = "script: |\n  ---\n  echo\n---x: 1\n....: 2\n";
        assertThat(YamlDocuments.split(text)).containsExactly(text);
    }

    @Test
    void contentIsAnyLineButBlanksCommentsDirectivesAndBareMarkers() {
        assertThat(YamlDocuments.hasContent("\n# c\n--- # c\n...\n%YAML 1.2\n  \n")).isFalse();
        assertThat(YamlDocuments.hasContent("--- |\n  x\n")).isTrue();
        assertThat(YamlDocuments.hasContent("\uFEFF---\n{}\n")).isTrue();
    }
}

package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

    private final Document doc = parse(ReportFixtures.render(ReportFormat.JUNIT, ReportFixtures.report()));

    @Test
    void writesOneSuitePerEnvironmentWithCorrectCounts() {
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("3");

        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(
                "config-cicd validate production", "config-cicd validate staging", "config-cicd validate development");
        for (Element suite : suites) {
            List<Element> cases = children(suite, "testcase");
            long failing = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
            assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failing));
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
        }
        assertThat(suites.get(0).getAttribute("tests")).isEqualTo("3");
        assertThat(suites.get(0).getAttribute("failures")).isEqualTo("2");
        assertThat(suites.get(1).getAttribute("tests")).isEqualTo("2");
        assertThat(suites.get(1).getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void namesTestCasesByFileAndRule() {
        List<Element> production = children(suite(0), "testcase");

        assertThat(production).extracting(c -> c.getAttribute("classname") + " " + c.getAttribute("name"))
                .containsExactly(
                        ReportFixtures.PRODUCTION_FILE + " plaintext-secret",
                        ReportFixtures.PRODUCTION_FILE + " required-key",
                        ReportFixtures.BASE_FILE + " port-range");
    }

    @Test
    void failsErrorsWithTheirLocationAndKeepsEscapedTextIntact() {
        Element failure = children(children(suite(0), "testcase").get(0), "failure").get(0);

        assertThat(failure.getAttribute("type")).isEqualTo("critical");
        assertThat(failure.getAttribute("message")).isEqualTo(ReportFixtures.NASTY.replace(",\n", ", "));
        assertThat(failure.getTextContent())
                .contains(ReportFixtures.PRODUCTION_FILE + ":12:5: critical: " + ReportFixtures.NASTY)
                .contains("Fix: " + ReportFixtures.FIX);
    }

    @Test
    void reportsWarningsAndInfosAsOutputOfPassingCases() {
        Element requiredKey = children(suite(0), "testcase").get(1);

        assertThat(children(requiredKey, "failure")).isEmpty();
        assertThat(children(requiredKey, "system-out").get(0).getTextContent())
                .contains(ReportFixtures.PRODUCTION_FILE + ": warning: missing key \"owner\" <required>");
    }

    @Test
    void givesACleanEnvironmentOnePassingCase() {
        List<Element> cases = children(suite(2), "testcase");

        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).getAttribute("name")).isEqualTo(JunitReportWriter.PASSING_TEST);
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo("configuration");
        assertThat(cases.get(0).getChildNodes().getLength()).isZero();
        assertThat(suite(2).getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void replacesCharactersXmlCannotHold() {
        assertThat(JunitReportWriter.clean("a\u0000b\u001Bc\tline\n")).isEqualTo("a\uFFFDb\uFFFDc\tline\n");
    }

    private Element suite(int index) {
        return children(doc.getDocumentElement(), "testsuite").get(index);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML:\n" + xml, e);
        }
    }
}

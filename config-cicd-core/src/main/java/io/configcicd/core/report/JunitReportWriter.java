package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins' junit step and GitLab's {@code artifacts:reports:junit} read it: one
 * {@code <testsuite name="config-cicd validate <env>">} per environment, one {@code <testcase>} per rule and
 * file ({@code classname} = the file, {@code name} = the rule). Errors and critical findings make the test case
 * fail; warnings and infos go to its {@code <system-out>}. An environment without findings gets one passing
 * test case so that it shows up as tested.
 */
final class JunitReportWriter implements ReportWriter {

    static final String PASSING_TEST = "all rules pass";

    @Override
    public ReportFormat format() {
        return ReportFormat.JUNIT;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Suite> suites = report.allEnvironments().stream().map(env -> suite(report, env)).toList();
        try {
            Xml xml = new Xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out));
            xml.writer.writeStartDocument("UTF-8", "1.0");
            xml.newline();
            xml.writer.writeStartElement("testsuites");
            xml.writer.writeAttribute("name", suiteName(report, ""));
            xml.writer.writeAttribute("tests", String.valueOf(suites.stream().mapToInt(s -> s.cases().size()).sum()));
            xml.writer.writeAttribute("failures", String.valueOf(suites.stream().mapToInt(Suite::failures).sum()));
            xml.writer.writeAttribute("errors", "0");
            xml.depth++;
            for (Suite suite : suites) {
                writeSuite(report, suite, xml);
            }
            xml.depth--;
            xml.newline();
            xml.writer.writeEndElement();
            xml.writer.writeEndDocument();
            xml.writer.writeCharacters("\n");
            xml.writer.flush();
            xml.writer.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** The test cases of one environment. */
    private record Suite(String environment, List<Case> cases) {
        int failures() {
            return (int) cases.stream().filter(Case::fails).count();
        }
    }

    /** One rule in one file; {@code file} empty for the passing test case of a clean environment. */
    private record Case(String file, String rule, List<Finding> findings) {
        boolean fails() {
            return findings.stream().anyMatch(JunitReportWriter::failing);
        }
    }

    private static Suite suite(Report report, String environment) {
        Map<String, Map<String, List<Finding>>> byFileAndRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.environments().contains(environment)) {
                byFileAndRule.computeIfAbsent(fileOf(report, f), k -> new TreeMap<>())
                        .computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Case> cases = new ArrayList<>();
        byFileAndRule.forEach((file, rules) -> rules.forEach((rule, fs) -> cases.add(new Case(file, rule, fs))));
        if (cases.isEmpty()) {
            cases.add(new Case(report.configurationDirectory(), PASSING_TEST, List.of()));
        }
        return new Suite(environment, List.copyOf(cases));
    }

    private void writeSuite(Report report, Suite suite, Xml xml) throws XMLStreamException {
        xml.newline();
        xml.writer.writeStartElement("testsuite");
        xml.writer.writeAttribute("name", clean(suiteName(report, suite.environment())));
        xml.writer.writeAttribute("tests", String.valueOf(suite.cases().size()));
        xml.writer.writeAttribute("failures", String.valueOf(suite.failures()));
        xml.writer.writeAttribute("errors", "0");
        xml.writer.writeAttribute("skipped", "0");
        xml.depth++;
        for (Case c : suite.cases()) {
            writeCase(report, c, xml);
        }
        xml.depth--;
        xml.newline();
        xml.writer.writeEndElement();
    }

    private void writeCase(Report report, Case c, Xml xml) throws XMLStreamException {
        xml.newline();
        xml.writer.writeStartElement("testcase");
        xml.writer.writeAttribute("classname", clean(c.file()));
        xml.writer.writeAttribute("name", clean(c.rule()));
        List<Finding> failing = c.findings().stream().filter(JunitReportWriter::failing).toList();
        List<Finding> other = c.findings().stream().filter(f -> !failing(f)).toList();
        xml.depth++;
        if (!failing.isEmpty()) {
            xml.newline();
            xml.writer.writeStartElement("failure");
            xml.writer.writeAttribute("message", clean(failureMessage(failing)));
            xml.writer.writeAttribute("type", failing.stream().map(Finding::severity)
                    .max(Comparator.naturalOrder()).orElseThrow().word());
            xml.writer.writeCharacters(clean(details(report, failing)));
            xml.writer.writeEndElement();
        }
        if (!other.isEmpty()) {
            xml.newline();
            xml.writer.writeStartElement("system-out");
            xml.writer.writeCharacters(clean(details(report, other)));
            xml.writer.writeEndElement();
        }
        xml.depth--;
        if (!c.findings().isEmpty()) {
            xml.newline();
        }
        xml.writer.writeEndElement();
    }

    private static boolean failing(Finding f) {
        return f.severity().atLeast(Severity.ERROR);
    }

    private static String suiteName(Report report, String environment) {
        String name = report.tool() + " " + report.command();
        return environment.isEmpty() ? name : name + " " + environment;
    }

    private static String failureMessage(List<Finding> failing) {
        String first = failing.get(0).message().replaceAll("\\s*\\R\\s*", " ");
        return failing.size() == 1 ? first : failing.size() + " findings: " + first;
    }

    /** One block per finding: {@code file:line:col: severity: message}, the fix, and the configuration path. */
    private static String details(Report report, List<Finding> findings) {
        return findings.stream()
                .map(f -> ReportSupport.location(report, f) + ": " + f.severity().word() + ": "
                        + ReportSupport.messageWithFix(f) + "\n(path " + f.path() + ")")
                .collect(Collectors.joining("\n\n", "\n", "\n"));
    }

    private static String fileOf(Report report, Finding f) {
        String file = report.repositoryPath(f.origin());
        return file.isEmpty() ? report.configurationDirectory() : file;
    }

    /** The stream writer and the indentation depth of one write. */
    private static final class Xml {
        private final XMLStreamWriter writer;
        private int depth;

        Xml(XMLStreamWriter writer) {
            this.writer = writer;
        }

        void newline() throws XMLStreamException {
            writer.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    /** Replaces what XML 1.0 cannot hold (most control characters, lone surrogates) with U+FFFD. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            sb.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return sb.toString();
    }
}

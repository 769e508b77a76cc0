package dev.sandtable.cli.report;

import dev.sandtable.scenario.ScenarioResult;
import dev.sandtable.scenario.Verdict;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a scenario's expectations as a JUnit XML test suite, one test case per expectation, for CI systems. */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String xml(ScenarioResult r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            String suite = "sandtable." + r.scenario();
            w.writeAttribute("name", xmlText(suite));
            w.writeAttribute("tests", Integer.toString(r.verdicts().size()));
            w.writeAttribute("failures", Long.toString(r.verdicts().stream().filter(v -> !v.passed()).count()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            for (Verdict v : r.verdicts()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", xmlText(suite));
                w.writeAttribute("name", xmlText(v.name()));
                w.writeCharacters("\n    ");
                if (v.passed()) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(xmlText(v.detail()));
                } else {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", xmlText(v.type()));
                    w.writeAttribute("message", xmlText(v.detail()));
                    w.writeCharacters(xmlText(ScenarioText.account(v)));
                }
                w.writeEndElement();
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to memory failed", e);
        }
        return out.append('\n').toString();
    }

    /** Drops what XML 1.0 cannot carry at all (control characters other than tab, newline and return; unpaired surrogates). */
    static String xmlText(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!allowed && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (allowed && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}

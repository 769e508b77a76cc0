package dev.sandtable.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scenario.ScenarioResult;
import dev.sandtable.scenario.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReportTest {
    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ScenarioResult result(Verdict... verdicts) {
        return new ScenarioResult("sale", "1h", 1, "1m", List.of(verdicts), List.of(), List.of(), Map.of());
    }

    @Test
    void markupAndControlCharactersInNamesAndDetailsStillGiveWellFormedXml() throws Exception {
        String xml = JUnitReport.xml(result(
                new Verdict("p99 < 200ms & \"fast\"\u0007", "latency", false, "got <300ms>\u001b[31m red", 60_000L, "Deployment a/b"),
                new Verdict("ok \ud83d\ude80", "replicas", true, "3 of 3\u0000", null, null)));

        Document doc = parse(xml);
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("sandtable.sale");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element failing = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(failing.getAttribute("name")).isEqualTo("p99 < 200ms & \"fast\"");
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("latency");
        assertThat(failure.getAttribute("message")).isEqualTo("got <300ms>[31m red");
        assertThat(failure.getTextContent()).isEqualTo("got <300ms>[31m red [at 00:01:00, by Deployment a/b]");
        Element passing = (Element) doc.getElementsByTagName("testcase").item(1);
        assertThat(passing.getAttribute("name")).isEqualTo("ok \ud83d\ude80");
        assertThat(passing.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("3 of 3");
    }

    @Test
    void anUnpairedSurrogateIsDroppedAndItsNeighboursKept() {
        assertThat(JUnitReport.xmlText("a\ud800b\udc00c")).isEqualTo("abc");
    }
}

package dev.sandtable.cli.report;

import dev.sandtable.scenario.ScenarioResult;
import dev.sandtable.scenario.Verdict;

/** Writes a scenario's expectations as a JUnit XML test suite, one test case per expectation, for CI systems. */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String xml(ScenarioResult r) {
        long failures = r.verdicts().stream().filter(v -> !v.passed()).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(esc("sandtable." + r.scenario())).append("\" tests=\"").append(r.verdicts().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (Verdict v : r.verdicts()) {
            sb.append("  <testcase classname=\"").append(esc("sandtable." + r.scenario())).append("\" name=\"").append(esc(v.name())).append('"');
            if (v.passed()) {
                sb.append(">\n    <system-out>").append(esc(v.detail())).append("</system-out>\n  </testcase>\n");
            } else {
                sb.append(">\n    <failure type=\"").append(esc(v.type())).append("\" message=\"").append(esc(v.detail())).append("\">")
                        .append(esc(v.detail())).append(v.atMillis() == null ? "" : esc(" at " + dev.sandtable.sim.GoDurations.clock(v.atMillis())))
                        .append(v.by() == null ? "" : esc(", by " + v.by())).append("</failure>\n  </testcase>\n");
            }
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

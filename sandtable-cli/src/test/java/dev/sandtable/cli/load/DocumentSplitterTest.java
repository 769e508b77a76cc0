package dev.sandtable.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Documents are split at "---" and "..." lines only; each keeps the line it starts on (so problems are reported on
 * the file's lines), a "--- content" marker keeps its content on the marker's line, and documents with nothing
 * but blank lines, comments and directives are dropped. Expected: start line, ':', text; documents separated by §.
 */
class DocumentSplitterTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `a: 1\\n---\\nb: 2\\n`                                | `1:a: 1\\n§2:\\nb: 2\\n\\n`
            `a: 1`                                                | `1:a: 1\\n`
            `--- # first\\na: 1\\n...\\n---\\n`                    | `1:\\na: 1\\n`
            `---\\n---\\na: 1\\n`                                  | `2:\\na: 1\\n\\n`
            `--- {a: 1}\\n--- |\\n  text\\n`                       | `1:{a: 1}\\n§2:|\\n  text\\n\\n`
            `# only a comment\\n---\\n%YAML 1.2\\n---\\nb: 1\\n`   | `4:\\nb: 1\\n\\n`
            `a: 1\\r\\n---\\r\\nb: 2\\r\\n`                        | `1:a: 1\\r\\n§2:\\nb: 2\\r\\n\\n`
            `a: |\\n  ---x\\n  --- \\n`                            | `1:a: |\\n  ---x\\n  --- \\n\\n`
            `...\\na: 1\\n... # end\\n`                            | `2:a: 1\\n`
            `\\n\\n`                                               | ``
            `---`                                                 | ``
            `a: 1\\n---\\t\\nb: 2`                                 | `1:a: 1\\n§2:\\nb: 2\\n`
            `a: 1\\n---x: 2\\n`                                    | `1:a: 1\\n---x: 2\\n\\n`
            """)
    void splitsAtMarkerLinesKeepingLineNumbers(String text, String expected) {
        List<String> docs = new ArrayList<>();
        for (Document d : DocumentSplitter.split(new Source("s", unescape(text)))) {
            docs.add(d.startLine() + ":" + d.text());
            assertThat(d.index()).isEqualTo(docs.size());
        }
        assertThat(docs).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(unescape(expected).split("§")));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }
}

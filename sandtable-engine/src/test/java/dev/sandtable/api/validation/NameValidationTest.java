package dev.sandtable.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * apimachinery util/validation's own tables (validation_test.go, v1.31): TestIsDNS1123Label, TestIsDNS1123Subdomain,
 * TestIsDNS1035Label, TestIsValidPortNum, TestIsValidPortName, TestIsQualifiedName, TestIsValidLabelValue, TestIsConfigMapKey,
 * every good and bad value.
 */
class NameValidationTest {
    private static final String A63 = "a".repeat(63);

    static Stream<Arguments> cases() {
        return Stream.of(
                rule("IsDNS1123Label", NameValidation::dns1123Label,
                        List.of("a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", A63),
                        List.of("", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
                                ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", "a".repeat(64))),
                rule("IsDNS1123Subdomain", NameValidation::dns1123Subdomain,
                        List.of("a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2",
                                "a.a", "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a", "a.1", "ab.1", "abc.1", "a1.1", "a-1.1", "a--1--2--b.1",
                                "0.a", "01.a", "012.a", "1a.a", "1-a.a", "1--a--b--2", "0.1", "01.1", "012.1", "1a.1", "1-a.1", "1--a--b--2.1",
                                "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55", "a".repeat(253)),
                        List.of("", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
                                ".", "a.", ".a", "a..b", "1.", ".1", "1..2", " ", "a ", " a", "a b", "1 ", " 1", "1 2",
                                "A.a", "aB.a", "ab.A", "A1.a", "a1.A", "A.1", "aB.1", "A1.1", "1A.1", "0.A", "01.A", "012.A", "1A.a", "1a.A",
                                "A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee", "a@b", "a,b", "a_b", "a;b", "a:b", "a%b", "a?b", "a$b",
                                "a".repeat(254))),
                rule("IsDNS1035Label", NameValidation::dns1035Label,
                        List.of("a", "ab", "abc", "a1", "a-1", "a--1--2--b", A63),
                        List.of("0", "01", "012", "1a", "1-a", "1--a--b--2", "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1",
                                "_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "a.b", "1.", ".1", "1.2",
                                " ", "a ", " a", "a b", "1 ", " 1", "1 2", "a".repeat(64))),
                rule("IsValidPortName", NameValidation::portName,
                        List.of("telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"),
                        List.of("longerthan15characters", "", "a".repeat(16), "12345", "1-2-3-4", "-begin", "end-", "two--hyphens", "whois++")),
                rule("IsQualifiedName", NameValidation::qualifiedName,
                        List.of("simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
                                "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num",
                                "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo", A63,
                                "a".repeat(253) + "/" + "b".repeat(63)),
                        List.of("nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc",
                                "example_com/abc", "example.com/", "/simple", "a".repeat(64), "a".repeat(254) + "/abc")),
                rule("IsValidLabelValue", NameValidation::labelValue,
                        List.of("simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", A63, ""),
                        List.of("nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash",
                                "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", "a".repeat(64))),
                rule("IsConfigMapKey", NameValidation::configMapKey,
                        List.of("a", "good", "good-good", "still.good", "this.is.also.good", ".so.is.this", "THIS_IS_GOOD", "so_is_this_17"),
                        List.of(".", "..", "..bad", "b*d", "bad!&bad")))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> rule(String name, Function<String, List<String>> check, List<String> good, List<String> bad) {
        return Stream.concat(good.stream().map(v -> Arguments.of(name, check, v, true)), bad.stream().map(v -> Arguments.of(name, check, v, false)));
    }

    @ParameterizedTest(name = "{0}(\"{2}\") valid: {3}")
    @MethodSource("cases")
    void eachUpstreamValueIsAcceptedOrRefusedAsUpstreamDoes(String rule, Function<String, List<String>> check, String value, boolean valid) {
        List<String> errors = check.apply(value);
        if (valid) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).isNotEmpty().allSatisfy(m -> assertThat(m).isNotBlank());
        }
    }

    static Stream<Arguments> portNumbers() {
        return Stream.of(Arguments.of(1, true), Arguments.of(2, true), Arguments.of(1000, true), Arguments.of(16384, true), Arguments.of(32768, true),
                Arguments.of(65535, true), Arguments.of(0, false), Arguments.of(-1, false), Arguments.of(65536, false), Arguments.of(100000, false));
    }

    @ParameterizedTest(name = "IsValidPortNum({0}) valid: {1}")
    @MethodSource("portNumbers")
    void portNumbersAreOneTo65535(int port, boolean valid) {
        assertThat(NameValidation.portNum(port)).isEqualTo(valid ? List.of() : List.of("must be between 1 and 65535, inclusive"));
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(NameValidation.labelValue("a".repeat(64)), List.of("must be no more than 63 characters")),
                Arguments.of(NameValidation.labelValue("-x"), List.of("a valid label must be an empty string or consist of alphanumeric characters,"
                        + " '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345',"
                        + " regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
                Arguments.of(NameValidation.qualifiedName("example.com/"), List.of("name part must be non-empty", "name part must consist of alphanumeric"
                        + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                        + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")),
                Arguments.of(NameValidation.qualifiedName("/simple"), List.of("prefix part must be non-empty")),
                Arguments.of(NameValidation.dns1123Label("A"), List.of("a lowercase RFC 1123 label must consist of lower case alphanumeric characters"
                        + " or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")),
                Arguments.of(NameValidation.portName("two--hyphens"), List.of("must not contain consecutive hyphens")),
                Arguments.of(NameValidation.portName("12345"), List.of("must contain at least one letter (a-z)")),
                Arguments.of(NameValidation.configMapKey("..bad"), List.of("must not start with '..'")));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messagesAreWordedAsUpstreamWordsThem(List<String> actual, List<String> expected) {
        assertThat(actual).isEqualTo(expected);
    }
}

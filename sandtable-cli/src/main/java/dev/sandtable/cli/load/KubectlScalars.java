package dev.sandtable.cli.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mirrors how kubectl 1.31 reads a plain YAML scalar: go-yaml v2's YAML 1.1 resolution (resolve.go, as vendored by
 * sigs.k8s.io/yaml 1.4) followed by sigs.k8s.io/yaml's conversion to JSON, expressed as the value the resulting JSON
 * text reads back as: String, Boolean, null, Long, BigInteger or Double. Integers beyond 64 bits that no rule takes
 * stay strings (the go-yaml v2.4 kubectl 1.31 and 1.32 vendor has no big-integer rule), and kubectl's untyped JSON
 * holds integers beyond int64 as float64.
 */
final class KubectlScalars {
    /** A plain scalar go-yaml resolves to a float JSON cannot hold (.inf, .nan): kubectl refuses the whole document. */
    record NonFinite(String text) {
    }

    private KubectlScalars() {
    }

    // go-yaml only tries to resolve a scalar whose first character is one of these; anything else is a string.
    private static final String RESOLVABLE_FIRST = "+-0123456789yYnNtTfFoO~.";
    private static final String IN_MAP_ONLY = "yYnNtTfFoO~";
    private static final Object NULL = new Object();
    private static final Map<String, Object> WORDS = words();
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    // Go's encoding/json writes floats at or above this magnitude with an exponent, so they read back as floats.
    private static final double JSON_EXPONENT_FROM = 1e21;

    private static Map<String, Object> words() {
        var m = new HashMap<String, Object>();
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            m.put(s, Boolean.TRUE);
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            m.put(s, Boolean.FALSE);
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(s, NULL);
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"}) {
            m.put(s, new NonFinite(s));
        }
        return Map.copyOf(m);
    }

    /** Whether a plain scalar can resolve to something other than its own text (a cheap test for the hot path). */
    static boolean mayResolve(String plain) {
        return plain.isEmpty() || RESOLVABLE_FIRST.indexOf(plain.charAt(0)) >= 0;
    }

    /** The value kubectl reads for a plain scalar; a {@link NonFinite} for the floats JSON has no form for. */
    static Object resolve(String in) {
        if (!mayResolve(in)) {
            return in;
        }
        Object word = WORDS.get(in);
        if (word != null) {
            return word == NULL ? null : word;
        }
        char c = in.charAt(0);
        if (IN_MAP_ONLY.indexOf(c) >= 0) {
            return in;
        }
        if (c == '.') {
            return DOT_FLOAT.matcher(in).matches() ? finite(in, in) : in;
        }
        // Dates (2024-01-02) resolve to timestamps, which go-yaml hands back as their text when decoding untyped.
        if (!numberCharsOnly(in)) {
            return in;
        }
        if (in.length() <= 18 && c >= '1' && c <= '9' && decimalDigitsOnly(in)) {
            return number(Long.parseLong(in));
        }
        String plain = in.indexOf('_') < 0 ? in : in.replace("_", "");
        GoInt signed = GoInt.parse(plain, true);
        if (signed.value != null) {
            return json(signed.value);
        }
        GoInt unsigned = GoInt.parse(plain, false);
        if (unsigned.value != null) {
            return json(unsigned.value);
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            Object f = finite(plain, in);
            if (!(f instanceof String)) {
                return f;
            }
        }
        if (plain.startsWith("0b")) {
            String rest = plain.substring(2);
            BigInteger b = binary(rest);
            boolean unsignedDigits = !rest.startsWith("-") && !rest.startsWith("+");
            if (b != null && b.compareTo(INT64_MIN) >= 0 && b.compareTo(unsignedDigits ? UINT64_MAX : INT64_MAX) <= 0) {
                return json(b);
            }
        } else if (plain.startsWith("-0b")) {
            BigInteger b = binary("-" + plain.substring(3));
            if (b != null && b.compareTo(INT64_MIN) >= 0 && b.compareTo(INT64_MAX) <= 0) {
                return json(b);
            }
        }
        return in;
    }

    // Quantities (500m, 1Gi), dates and words have a character no number can have: no need to try the number rules.
    private static boolean numberCharsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || "+-._xXoO".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean decimalDigitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** strconv.ParseFloat on a syntactically valid float: out of range is an error (the text stays a string). */
    private static Object finite(String number, String text) {
        double d = Double.parseDouble(number);
        if (Double.isInfinite(d)) {
            return text;
        }
        return jsonFloat(d);
    }

    /** A float64 as the number Go's JSON text of it reads back as: integral ones below 1e21 are written as integers. */
    static Object jsonFloat(double d) {
        if (d == Math.rint(d) && Math.abs(d) < JSON_EXPONENT_FROM) {
            // Go writes the shortest digits that identify the float, padded with zeros: 1.8446744073709552e19 is
            // 18446744073709552000, which is what reads back (Double.toString gives the same shortest digits).
            BigInteger b = new BigDecimal(Double.toString(d)).toBigInteger();
            return b.bitLength() < 64 ? number(b.longValue()) : b;
        }
        return d;
    }

    /** An integer as kubectl's untyped JSON holds it: int64 when it fits, else float64. */
    private static Object json(BigInteger b) {
        return b.bitLength() < 64 ? number(b.longValue()) : jsonFloat(b.doubleValue());
    }

    /** Integer when it fits, as Jackson reads a JSON integer (fabric8's IntOrString takes only int tokens). */
    private static Object number(long v) {
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    /** strconv.ParseInt(s, 2, 64) without the range check: an optional sign, then binary digits. */
    private static BigInteger binary(String s) {
        int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) != '0' && s.charAt(j) != '1') {
                return null;
            }
        }
        BigInteger v = new BigInteger(s.substring(i), 2);
        return s.charAt(0) == '-' ? v.negate() : v;
    }

    /** The outcome of strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64): a value, or a syntax or range error. */
    private record GoInt(BigInteger value) {
        static GoInt parse(String s, boolean signed) {
            int i = 0;
            boolean negative = false;
            if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
                negative = s.charAt(0) == '-';
                i = 1;
            }
            int radix = 10;
            if (s.length() - i >= 2 && s.charAt(i) == '0') {
                char p = Character.toLowerCase(s.charAt(i + 1));
                if (p == 'x' || p == 'o' || p == 'b') {
                    radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                    i += 2;
                } else {
                    radix = 8;
                    i += 1;
                }
            }
            if (i == s.length()) {
                return new GoInt(null);
            }
            for (int j = i; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d > 127 || Character.digit(d, radix) < 0) {
                    return new GoInt(null);
                }
            }
            BigInteger v = new BigInteger(s.substring(i), radix);
            if (negative) {
                v = v.negate();
            }
            boolean fits = signed ? v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0 : v.compareTo(UINT64_MAX) <= 0;
            return new GoInt(fits ? v : null);
        }
    }

    /** A resolved mapping key as sigs.k8s.io/yaml names the JSON field: bools and numbers by their Go formatting. */
    static String key(Object resolved) {
        if (resolved instanceof Double d) {
            return goFloat32G(d);
        }
        return String.valueOf(resolved);
    }

    /** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for the non-finite values. */
    static String goFloat32G(double value) {
        float f = (float) value;
        if (Float.isNaN(f)) {
            return ".nan";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? ".inf" : "-.inf";
        }
        boolean negative = f < 0 || f == 0 && 1 / f < 0;
        if (f == 0) {
            return negative ? "-0" : "0";
        }
        // Java prints the shortest digits that identify a float, as Go's shortest formatting does.
        BigDecimal shortest = new BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int nd = digits.length();
        int exp = nd - shortest.scale() - 1;
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (exp < -4 || exp >= 6) {
            sb.append(digits.charAt(0));
            if (nd > 1) {
                sb.append('.').append(digits, 1, nd);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            sb.append(e < 10 ? "0" : "").append(e);
            return sb.toString();
        }
        return sb.append(shortest.toPlainString()).toString();
    }
}

package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict resource.Quantity parsing as k8s.io/apimachinery/pkg/api/resource (v0.31) accepts it. */
public final class Quantities {
    private static final Pattern SHAPE = Pattern.compile("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(.*)$");
    private static final Pattern DECIMAL_EXPONENT = Pattern.compile("^[eE][+-]?[0-9]+$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {
    }

    /** Parses a quantity string to its exact value in base units; throws with a reason when invalid. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidQuantityException(text, "quantity is empty");
        }
        // Most quantities are a whole number and a suffix ("500m", "16Gi"): read those without the regular expression.
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 0 && digits <= 18) {
            BigDecimal unit = SUFFIXES.get(text.substring(digits));
            if (unit != null) {
                return BigDecimal.valueOf(Long.parseLong(text, 0, digits, 10)).multiply(unit);
            }
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new InvalidQuantityException(text, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        String suffix = m.group(2);
        BigDecimal number = new BigDecimal(m.group(1));
        BigDecimal multiplier = SUFFIXES.get(suffix);
        if (multiplier == null) {
            if (!DECIMAL_EXPONENT.matcher(suffix).matches()) {
                throw new InvalidQuantityException(text, "unknown suffix \"" + suffix + "\"");
            }
            return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        }
        return number.multiply(multiplier);
    }

    public static BigDecimal parse(Quantity quantity) {
        return parse(text(quantity));
    }

    /** The text the user wrote, as fabric8 splits it into amount and format. */
    public static String text(Quantity quantity) {
        String format = quantity.getFormat();
        return quantity.getAmount() + (format == null ? "" : format);
    }

    /** Milli-units rounded up, as Quantity.MilliValue does (CPU in millicores). */
    public static long milliValue(Quantity quantity) {
        return parse(quantity).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Whole units rounded up, as Quantity.Value does (bytes, pods, extended resources). */
    public static long value(Quantity quantity) {
        return parse(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Thrown for quantity text the API server would reject. */
    public static final class InvalidQuantityException extends IllegalArgumentException {
        private final String text;

        InvalidQuantityException(String text, String reason) {
            super(reason);
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}

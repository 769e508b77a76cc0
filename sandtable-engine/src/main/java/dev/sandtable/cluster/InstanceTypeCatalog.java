package dev.sandtable.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** AKS, EKS and GKE instance types from the bundled instance-types.csv (list prices: eastus, us-east-1, us-central1). */
public final class InstanceTypeCatalog {
    static final String RESOURCE = "instance-types.csv";
    static final String HEADER = "name,provider,vcpu,memoryGiB,arch,pricePerHourUsd,priceSource,maxPods";
    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1L << 30);

    private final List<InstanceType> all;
    private final Map<String, InstanceType> byName = new HashMap<>();
    private final Map<String, InstanceType> byLowerName = new HashMap<>();

    private InstanceTypeCatalog(List<InstanceType> types) {
        this.all = List.copyOf(types);
        for (InstanceType t : all) {
            // Unique ignoring case, so the case-insensitive fallback can never pick between two rows.
            if (byLowerName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t) != null) {
                throw new IllegalArgumentException("duplicate instance type " + t.name());
            }
            byName.put(t.name(), t);
        }
    }

    /** The catalog shipped with Sandtable, parsed on first use and shared afterwards. */
    public static InstanceTypeCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** The type with exactly this name, else the one whose name matches ignoring case. */
    public Optional<InstanceType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        InstanceType exact = byName.get(name);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every type, in file order. */
    public List<InstanceType> all() {
        return all;
    }

    /** Reads a catalog in the instance-types.csv format; {@code source} names it in error messages. */
    static InstanceTypeCatalog parse(Reader reader, String source) {
        List<InstanceType> types = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IllegalArgumentException(source + " line " + lineNumber + ": expected header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                try {
                    types.add(parseRow(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(source + ": no header row");
        }
        return new InstanceTypeCatalog(types);
    }

    /** One data row; throws IllegalArgumentException saying which field is wrong. */
    static InstanceType parseRow(String line) {
        List<String> f = splitCsv(line);
        if (f.size() != 8) {
            throw new IllegalArgumentException("expected 8 fields but found " + f.size());
        }
        return new InstanceType(
                f.get(0).strip(),
                Provider.parse(f.get(1)),
                parseInt("vcpu", f.get(2)),
                gibToBytes(f.get(3)),
                Arch.parse(f.get(4)),
                parseDouble("pricePerHourUsd", f.get(5)),
                f.get(6).strip(),
                parseInt("maxPods", f.get(7)));
    }

    // RFC 4180 subset: fields may be double-quoted so a price source can contain commas.
    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }

    private static int parseInt(String column, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
        }
    }

    private static double parseDouble(String column, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    private static long gibToBytes(String text) {
        try {
            return new BigDecimal(text.strip()).multiply(BYTES_PER_GIB).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("memoryGiB '" + text + "' is not a whole number of bytes");
        }
    }

    // Holder idiom: the JVM loads the CSV once, on the first call to bundled(), without explicit locking.
    private static final class Bundled {
        static final InstanceTypeCatalog CATALOG = load();

        private static InstanceTypeCatalog load() {
            InputStream in = InstanceTypeCatalog.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource dev/sandtable/cluster/" + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        }
    }
}

package io.slipway.console.registry;

import io.slipway.dataset.CsvProfile;
import io.slipway.registry.SignatureView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How the registry's values read in the console's grids. */
final class Formats {

    /** What a grid cell shows for a value that does not apply (no signature for a pickle, no rows for a zip). */
    static final String NONE = "—";
    static final int SHORT_SHA = 12;
    private static final int COLUMNS_SHOWN = 4;
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** {@code 512 bytes}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** The first {@value #SHORT_SHA} hex digits: enough to tell versions apart at a glance. */
    static String shortSha(String sha256) {
        return sha256 == null ? NONE : sha256.substring(0, Math.min(SHORT_SHA, sha256.length()));
    }

    /** {@code Input3 float[1,1,28,28] → Plus214_Output_0 float[1,10]}; dynamic dimensions read {@code ?}. */
    static String signature(SignatureView signature) {
        if (signature == null) {
            return NONE;
        }
        return tensors(signature.inputs()) + " → " + tensors(signature.outputs());
    }

    private static String tensors(List<SignatureView.Tensor> tensors) {
        return tensors.stream().map(t -> t.name() + " " + t.notation()).collect(Collectors.joining(", "));
    }

    /** {@code accuracy 0.93, f1 0.88}, by name. */
    static String metrics(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return NONE;
        }
        return new TreeMap<>(metrics).entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String number(Double value) {
        if (value == null) {
            return NONE;
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The first columns with their types, then how many more: {@code id integer, amount decimal, … (+3 more)}. */
    static String columns(List<CsvProfile.Column> columns) {
        return columns(columns, null);
    }

    /** As {@link #columns(List)}, counting the more to come from the header's column count when it is known. */
    static String columns(List<CsvProfile.Column> columns, Integer columnCount) {
        if (columns == null || columns.isEmpty()) {
            return NONE;
        }
        String shown = columns.stream().limit(COLUMNS_SHOWN).map(c -> c.name() + " " + c.type())
                .collect(Collectors.joining(", "));
        int more = (columnCount == null ? columns.size() : columnCount) - Math.min(COLUMNS_SHOWN, columns.size());
        return more > 0 ? shown + ", … (+" + more + " more)" : shown;
    }

    /** Every column with its type, one a line: the tooltip of {@link #columns}. */
    static String allColumns(List<CsvProfile.Column> columns) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        return columns.stream().map(c -> c.name() + ": " + c.type()).collect(Collectors.joining("\n"));
    }

    static String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    static String list(List<String> values) {
        return values == null || values.isEmpty() ? NONE : String.join(", ", values);
    }
}

package io.zkmargin.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counters and gauges rendered in the Prometheus text exposition format (version 0.0.4). */
public final class Metrics {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    /** Increments counter {@code name} with labels given as alternating key, value. */
    public void inc(String name, String... labels) {
        counters.computeIfAbsent(series(name, labels), k -> new LongAdder()).increment();
    }

    public void describe(String name, String text) {
        help.put(name, text);
    }

    public void gauge(String name, String text, LongSupplier value) {
        help.put(name, text);
        gauges.put(name, value);
    }

    long get(String name, String... labels) {
        LongAdder a = counters.get(series(name, labels));
        return a == null ? 0 : a.sum();
    }

    private static String series(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(labels[i]).append("=\"").append(labels[i + 1].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        Map<String, TreeMap<String, Long>> byName = new TreeMap<>();
        counters.forEach((k, v) -> {
            int b = k.indexOf('{');
            byName.computeIfAbsent(b < 0 ? k : k.substring(0, b), n -> new TreeMap<>()).put(k, v.sum());
        });
        byName.forEach((name, series) -> {
            sb.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
            sb.append("# TYPE ").append(name).append(" counter\n");
            series.forEach((s, v) -> sb.append(s).append(' ').append(v).append('\n'));
        });
        new TreeMap<>(gauges).forEach((name, g) -> {
            sb.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
            sb.append("# TYPE ").append(name).append(" gauge\n");
            sb.append(name).append(' ').append(g.getAsLong()).append('\n');
        });
        return sb.toString();
    }
}

package org.chapkit.benchmarks.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver that answers 200 at once and counts the spans it received by name, decoding just enough
 * of the protobuf {@code ExportTraceServiceRequest} (resource_spans 1 → scope_spans 2 → spans 2 → name 5) to do so.
 */
final class OtlpSpanCounter implements HttpHandler {

    private final AtomicLong exports = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastExportNanos = new AtomicLong();
    private final Map<String, LongAdder> spansByName = new ConcurrentHashMap<>();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bytes.addAndGet(body.length);
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            try {
                countSpans(body);
            } catch (RuntimeException malformed) {
                spansByName
                        .computeIfAbsent("(undecodable export)", name -> new LongAdder())
                        .increment();
            }
            exports.incrementAndGet();
            lastExportNanos.set(System.nanoTime());
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    long exports() {
        return exports.get();
    }

    long bytes() {
        return bytes.get();
    }

    long spans() {
        return spansByName.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Waits until no export arrived for {@code quietMillis} (the batch processor exports every 5 s), at most 30 s. */
    void awaitQuiet(long quietMillis) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long last = lastExportNanos.get();
            if (last != 0 && System.nanoTime() - last > quietMillis * 1_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Spans received per name, divided by {@code per}, most frequent first, as {@code name ×n.n} text. */
    String perName(double per) {
        Map<String, Long> sorted = new TreeMap<>();
        spansByName.forEach((name, count) -> sorted.put(name, count.sum()));
        StringBuilder text = new StringBuilder();
        sorted.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(entry -> text.append(text.isEmpty() ? "" : ", ")
                        .append(entry.getKey())
                        .append(String.format(java.util.Locale.ROOT, " ×%.1f", entry.getValue() / per)));
        return text.toString();
    }

    private void countSpans(byte[] request) {
        forEachField(
                request,
                0,
                request.length,
                1,
                (resourceSpans, rsFrom, rsTo) -> forEachField(
                        resourceSpans,
                        rsFrom,
                        rsTo,
                        2,
                        (scopeSpans, ssFrom, ssTo) ->
                                forEachField(scopeSpans, ssFrom, ssTo, 2, (span, spanFrom, spanTo) -> {
                                    String[] name = {"(unnamed)"};
                                    forEachField(
                                            span,
                                            spanFrom,
                                            spanTo,
                                            5,
                                            (text, from, to) -> name[0] =
                                                    new String(text, from, to - from, StandardCharsets.UTF_8));
                                    spansByName
                                            .computeIfAbsent(name[0], key -> new LongAdder())
                                            .increment();
                                })));
    }

    private interface Field {
        void accept(byte[] data, int from, int to);
    }

    /** Calls {@code field} with the bounds of each length-delimited field {@code number} in {@code data[from, to)}. */
    private static void forEachField(byte[] data, int from, int to, int number, Field field) {
        int[] pos = {from};
        while (pos[0] < to) {
            long tag = varint(data, pos);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> varint(data, pos);
                case 1 -> pos[0] += 8;
                case 5 -> pos[0] += 4;
                case 2 -> {
                    int length = (int) varint(data, pos);
                    if ((tag >>> 3) == number) {
                        field.accept(data, pos[0], pos[0] + length);
                    }
                    pos[0] += length;
                }
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
        }
    }

    private static long varint(byte[] data, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = data[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }
}

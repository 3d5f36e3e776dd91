package org.chapkit.ml.shell;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chapkit.job.RunLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file a shell command appends its run log to, named by the environment variable {@value #ENV}: one JSON object
 * per line, {@code {"metric": "rmse", "value": 0.42, "step": 3}} ({@code step} optional, 0 by default),
 * {@code {"param": "alpha", "value": "0.1"}} or {@code {"tag": "stage", "value": "fit"}}. The file lies outside the
 * workspace, so it never goes into the training artifact. It is read while the command runs ({@link #poll()}, complete
 * lines only) and once more when it exited ({@link #finish()}, a last line without newline included). A line that is
 * not such an object, or whose name or value the run log refuses, is skipped with a warning; the count of skipped
 * lines becomes the tag {@value #REJECTED_TAG}.
 */
final class RunLogFile {

    /** The environment variable naming the file. */
    static final String ENV = "CHAPKIT_RUN_LOG";

    /** The tag counting lines that were skipped. */
    static final String REJECTED_TAG = "chapkit.run_log.rejected_lines";

    /** The longest line read; longer ones are skipped. */
    static final int MAX_LINE = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RunLogFile.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final RunLog runLog;
    private long offset;
    private int lineNumber;
    private int rejected;

    RunLogFile(Path file, RunLog runLog) throws IOException {
        this.file = file;
        this.runLog = runLog;
        Files.createFile(file);
    }

    /** The file's absolute path, for the command's environment. */
    String path() {
        return file.toAbsolutePath().toString();
    }

    /** Logs the complete lines appended since the last call. */
    synchronized void poll() {
        read(false);
    }

    /** Logs what is left, the last line even without its newline; then the count of skipped lines, if any. */
    synchronized void finish() {
        read(true);
        if (rejected > 0) {
            runLog.tag(REJECTED_TAG, Integer.toString(rejected));
        }
    }

    private void read(boolean toEnd) {
        byte[] bytes;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return;
            }
            bytes = new byte[(int) Math.min(length - offset, 8L * 1024 * 1024)];
            in.seek(offset);
            in.readFully(bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the run log file " + file, ex);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (toEnd && start < bytes.length) {
            line(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            start = bytes.length;
        }
        if (start == 0 && bytes.length >= MAX_LINE) {
            reject("longer than " + MAX_LINE + " bytes");
            start = bytes.length; // skip the overlong fragment; the rest of that line is skipped as a bad line
        }
        offset += start;
        if (toEnd && offset < fileLength()) {
            read(true); // more than one chunk was left
        }
    }

    private long fileLength() {
        try {
            return Files.size(file);
        } catch (IOException ex) {
            return offset;
        }
    }

    private void line(String text) {
        lineNumber++;
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (!node.isObject()) {
                reject("not a JSON object");
            } else if (node.has("metric")) {
                JsonNode value = node.get("value");
                JsonNode step = node.get("step");
                if (value == null || !value.isNumber() || (step != null && !step.isIntegralNumber())) {
                    reject("a metric needs a numeric value and an integer step");
                    return;
                }
                runLog.metric(node.get("metric").asString(), value.asDouble(), step == null ? 0 : step.asLong());
            } else if (node.has("param")) {
                runLog.param(node.get("param").asString(), text(node));
            } else if (node.has("tag")) {
                runLog.tag(node.get("tag").asString(), text(node));
            } else {
                reject("it names no metric, param or tag");
            }
        } catch (JacksonException ex) {
            reject("not JSON (" + ex.getOriginalMessage() + ")");
        } catch (IllegalArgumentException ex) {
            reject(ex.getMessage());
        }
    }

    private static String text(JsonNode node) {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private void reject(String why) {
        rejected++;
        log.warn("Skipped line {} of the run log file {}: {}", lineNumber, ENV, why);
    }
}

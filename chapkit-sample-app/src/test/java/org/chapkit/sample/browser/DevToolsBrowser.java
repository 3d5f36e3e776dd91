package org.chapkit.sample.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, spoken over the JDK's own {@link WebSocket}: no
 * WebDriver, no driver binary, nothing downloaded. One browser process serves a whole test class; each test opens
 * its own {@link Tab}, which records the page's console errors, uncaught exceptions and failed requests.
 */
final class DevToolsBrowser implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> sessions = new ConcurrentHashMap<>();

    private DevToolsBrowser(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(endpoint, new Listener())
                .join();
    }

    /**
     * Starts Chromium headless with a fresh profile and connects to it.
     *
     * @param binary the Chromium executable
     * @return the connected browser
     */
    static DevToolsBrowser launch(Path binary) {
        try {
            Path profile = Files.createTempDirectory("chapkit-devtools-");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(HeadlessChromium.FLAGS);
            command.addAll(List.of(
                    "--disable-extensions",
                    "--hide-scrollbars",
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + profile,
                    "about:blank"));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Path portFile = profile.resolve("DevToolsActivePort");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Chromium did not open its DevTools port within 60 s");
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            List<String> lines = Files.readAllLines(portFile);
            return new DevToolsBrowser(
                    process,
                    profile,
                    URI.create("ws://127.0.0.1:" + lines.get(0).strip()
                            + lines.get(1).strip()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Chromium", ex);
        }
    }

    /** Opens a new tab (1280 × 900) with runtime, log, network and page events on. */
    Tab open() {
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .get("targetId")
                .asString();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId")
                .asString();
        Tab tab = new Tab(target, session);
        sessions.put(session, tab::onEvent);
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            tab.send(domain + ".enable", Map.of());
        }
        tab.viewport(1280, 900);
        return tab;
    }

    private JsonNode send(String session, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = MAPPER.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", MAPPER.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (TimeoutException ex) {
            throw new IllegalStateException(method + " got no answer within " + COMMAND_TIMEOUT, ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException(method + " failed", ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method, ex);
        } finally {
            pending.remove(id);
        }
    }

    private void dispatch(String text) {
        JsonNode message = MAPPER.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("sessionId")) {
            Consumer<JsonNode> listener = sessions.get(message.get("sessionId").asString());
            if (listener != null) {
                listener.accept(message);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            // the browser is destroyed below in any case
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            FileSystemUtils.deleteRecursively(profile);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }

    /** Collects the text frames of each message (they may come in parts) and hands whole messages on. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** One browser tab and what went wrong in it. */
    final class Tab implements AutoCloseable {

        private final String target;
        private final String session;
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final List<String> allowedProblems = new CopyOnWriteArrayList<>();
        private final Map<String, String> requestUrls = new ConcurrentHashMap<>();
        private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

        private Tab(String target, String session) {
            this.target = target;
            this.session = session;
        }

        JsonNode send(String method, Map<String, ?> params) {
            return DevToolsBrowser.this.send(session, method, params);
        }

        /** Also hands every CDP event of this tab to the listener (for example {@code Fetch.requestPaused}). */
        void onEvents(Consumer<JsonNode> listener) {
            listeners.add(listener);
        }

        private void onEvent(JsonNode message) {
            String method = message.path("method").asString();
            JsonNode params = message.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asString().equals("error")) {
                        problems.add("console.error: " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" ->
                    problems.add("uncaught: "
                            + params.path("exceptionDetails")
                                    .path("exception")
                                    .path("description")
                                    .asString()
                            + " " + params.path("exceptionDetails").path("text").asString());
                case "Log.entryAdded" -> {
                    JsonNode entry = params.path("entry");
                    if (entry.path("level").asString().equals("error")) {
                        problems.add("log: " + entry.path("text").asString() + " "
                                + entry.path("url").asString());
                    }
                }
                case "Network.requestWillBeSent" ->
                    requestUrls.put(
                            params.path("requestId").asString(),
                            params.path("request").path("url").asString());
                case "Network.responseReceived" -> {
                    int status = params.path("response").path("status").asInt();
                    if (status >= 400) {
                        problems.add("HTTP " + status + " "
                                + params.path("response").path("url").asString());
                    }
                }
                case "Network.loadingFailed" -> {
                    // Leaving a page aborts its open streams and fetches; that is not a failure.
                    if (!params.path("canceled").asBoolean()
                            && !params.path("errorText").asString().contains("ERR_ABORTED")) {
                        problems.add("failed request: "
                                + params.path("errorText").asString() + " "
                                + requestUrls.get(params.path("requestId").asString()));
                    }
                }
                default -> {}
            }
            listeners.forEach(l -> l.accept(message));
        }

        /** Declares a problem the test provokes on purpose (a substring of its description). */
        void allow(String substring) {
            allowedProblems.add(substring);
        }

        /** Console errors, exceptions and failed requests so far, less the allowed ones. */
        List<String> problems() {
            return problems.stream()
                    .filter(p -> allowedProblems.stream().noneMatch(p::contains))
                    .toList();
        }

        void viewport(int width, int height) {
            send(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        }

        /** Prefers the dark or light colour scheme, as an operating system setting would. */
        void colorScheme(String scheme) {
            send(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        }

        void navigate(String url) {
            send("Page.navigate", Map.of("url", url));
        }

        /** Evaluates a JavaScript expression (promises awaited) and answers its JSON value. */
        JsonNode eval(String expression) {
            JsonNode result = send(
                    "Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("JavaScript failed: " + expression + "\n"
                        + result.get("exceptionDetails").path("exception").path("description"));
            }
            return result.path("result").path("value");
        }

        /** Polls a JavaScript condition until it is truthy, with a deadline. */
        void waitFor(String condition, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            String last = "";
            while (Instant.now().isBefore(deadline)) {
                try {
                    JsonNode value = eval("Boolean(" + condition + ")");
                    if (value.asBoolean()) {
                        return;
                    }
                } catch (IllegalStateException ex) {
                    last = ex.getMessage();
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + condition, ex);
                }
            }
            throw new AssertionError("Not true within " + timeout + ": " + condition + " " + last + "\nproblems: "
                    + problems + "\npage: "
                    + eval("document.getElementById('page')?.innerText?.slice(0, 6000) ?? document.body.innerText")
                            .asString());
        }

        void waitFor(String condition) {
            waitFor(condition, Duration.ofSeconds(20));
        }

        /** Clicks the element, as a user would with the mouse or Enter (the element's own click). */
        void click(String selector) {
            waitFor("document.querySelector(" + js(selector) + ")");
            eval("document.querySelector(" + js(selector) + ").click()");
        }

        /** Types into a field: sets its value and fires input and change, as typing does. */
        void type(String selector, String text) {
            waitFor("document.querySelector(" + js(selector) + ")");
            eval("(() => { const el = document.querySelector(" + js(selector) + "); el.focus(); el.value = "
                    + js(text) + "; el.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " el.dispatchEvent(new Event('change', {bubbles: true})); })()");
        }

        /** Presses a key (for example {@code Tab} or {@code Enter}) as a keyboard does, through the input pipeline. */
        void press(String key) {
            int code = switch (key) {
                case "Tab" -> 9;
                case "Enter" -> 13;
                case "Escape" -> 27;
                default -> throw new IllegalArgumentException("no key code for " + key);
            };
            Map<String, Object> down = new java.util.HashMap<>(
                    Map.of("type", "keyDown", "key", key, "code", key, "windowsVirtualKeyCode", code));
            if (key.equals("Enter")) {
                down.put("text", "\r");
            }
            send("Input.dispatchKeyEvent", down);
            send(
                    "Input.dispatchKeyEvent",
                    Map.of("type", "keyUp", "key", key, "code", key, "windowsVirtualKeyCode", code));
        }

        String text(String selector) {
            return eval("document.querySelector(" + js(selector) + ")?.innerText ?? ''")
                    .asString();
        }

        /** Writes a PNG of the whole page. */
        void screenshot(Path file) {
            String data = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                    .get("data")
                    .asString();
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(data));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() {
            sessions.remove(session);
            DevToolsBrowser.this.send(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    /** A JavaScript string literal. */
    static String js(String text) {
        return MAPPER.writeValueAsString(text);
    }
}

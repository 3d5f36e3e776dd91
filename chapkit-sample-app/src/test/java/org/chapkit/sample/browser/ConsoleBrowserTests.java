package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chapkit.sample.browser.DevToolsBrowser.js;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the web console, driven in a real headless Chromium against the sample app on a real port: each
 * renders without console errors or failed requests, and its main action works end to end. Screenshots of each page
 * go to {@code target/console-screenshots/}. One browser serves the class; each test has its own tab.
 *
 * <p>CI ({@code .ci/run}) installs Debian's {@code chromium}; elsewhere the tests are skipped when no Chromium is
 * installed, and fail under {@code CI=true}.
 */
@ServiceTestOnH2
class ConsoleBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    String console(String hash) {
        return "http://localhost:" + port + "/console/#/" + hash;
    }

    DevToolsBrowser.Tab open(String hash) {
        DevToolsBrowser.Tab tab = browser.open();
        tab.navigate(console(hash));
        tab.waitFor("document.getElementById('page')?.dataset.page === " + js(hash.split("/")[0]));
        return tab;
    }

    @Test
    void quantileBandsPrometheusParsingAndThroughputAreComputedInTheBrowser() {
        try (DevToolsBrowser.Tab tab = open("overview")) {
            JsonNode bands = tab.eval("import('./js/forecast.js').then(m => {"
                    + " const columns = ['time_period', 'location', ...Array.from({length: 20}, (_, i) => 'sample_' + i)];"
                    + " const values = Array.from({length: 20}, (_, i) => 20 - i);"
                    + " const frame = {columns, data: [['2024-02', 'a', ...values], ['2024-01', 'a', ...values.map(v => v * 2)],"
                    + "   ['2024-01', 'b', ...values]]};"
                    + " const out = m.forecastBands(frame);"
                    + " return {locations: [...out.keys()], a: out.get('a'), q: m.quantile([1, 2, 3, 4], 0.5),"
                    + "   single: m.quantile([7], 0.95)}; })");
            assertThat(bands.get("locations").toString()).isEqualTo("[\"a\",\"b\"]");
            JsonNode first = bands.get("a").get(0);
            assertThat(first.get("period").asString()).isEqualTo("2024-01");
            assertThat(first.get("median").asDouble()).isEqualTo(21.0);
            JsonNode second = bands.get("a").get(1);
            assertThat(second.get("median").asDouble()).isEqualTo(10.5);
            assertThat(second.get("lo50").asDouble()).isEqualTo(5.75);
            assertThat(second.get("hi50").asDouble()).isEqualTo(15.25);
            assertThat(second.get("lo90").asDouble()).isCloseTo(1.95, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(second.get("hi90").asDouble()).isCloseTo(19.05, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(second.get("samples").asInt()).isEqualTo(20);
            assertThat(bands.get("q").asDouble()).isEqualTo(2.5);
            assertThat(bands.get("single").asDouble()).isEqualTo(7.0);

            JsonNode metrics = tab.eval("import('./js/prometheus.js').then(m => {"
                    + " const s = m.parsePrometheus('# HELP x\\nhttp_server_duration_milliseconds_count{http_target=\"/a\"} 4\\n"
                    + "http_server_duration_milliseconds_count{http_target=\"/metrics\"} 9\\n"
                    + "jvm_memory_used_bytes{area=\"heap\",id=\"eden\"} 1.5E7\\njvm_memory_used_bytes{area=\"nonheap\",id=\"m\"} 5\\n');"
                    + " const a = m.snapshot(s, 0); const b = {...a, at: 2000, requests: a.requests + 10};"
                    + " return {requests: a.requests, heap: a.heap, rate: m.rates([a, b], 'requests')[0][1]}; })");
            assertThat(metrics.get("requests").asDouble()).isEqualTo(4.0);
            assertThat(metrics.get("heap").asDouble()).isEqualTo(1.5e7);
            assertThat(metrics.get("rate").asDouble()).isEqualTo(5.0);

            JsonNode throughput = tab.eval("import('./js/pages/overview.js').then(m => m.throughput(["
                    + "{finished_at: new Date(1_000_000 - 30_000).toISOString()}, {finished_at: new Date(1_000_000 - 90_000).toISOString()},"
                    + "{finished_at: null}], 3, 1_000_000))");
            assertThat(throughput.toString()).isEqualTo("[0,1,1]");
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void rootOpensTheConsoleAndTheOverviewShowsServiceHealthAndJobs() {
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.navigate("http://localhost:" + port + "/");
            tab.waitFor(
                    "location.pathname === '/console/' && document.getElementById('page')?.dataset.page === 'overview'");
            String name = api.get("/api/v1/info").json().get("display_name").asString();
            tab.waitFor("document.getElementById('service-name').innerText === " + js(name));
            tab.waitFor("document.querySelector('#ov-health .badge')?.innerText === 'healthy'");
            tab.waitFor("document.querySelector('[data-count=completed]') && document.querySelector('.sparkline')");
            assertThat(tab.text("#page")).contains("database", "Per-location regression", "monthly");
            assertThat(tab.eval("document.querySelectorAll('#nav-list a').length")
                            .asInt())
                    .isEqualTo(11);
            assertThat(tab.eval("document.querySelector('#nav-list a[data-page=registry]') !== null"
                                    + " && document.querySelector('#nav-list a[data-page=cluster]') !== null")
                            .asBoolean())
                    .as("the Registry and Cluster pages are in the navigation")
                    .isTrue();
            tab.screenshot(SCREENSHOTS.resolve("overview.png"));

            tab.click("#theme-button");
            tab.waitFor("document.documentElement.dataset.theme === 'dark'");
            tab.screenshot(SCREENSHOTS.resolve("overview-dark.png"));
            tab.click("#theme-button");
            tab.waitFor("document.documentElement.dataset.theme === 'light'");

            tab.viewport(400, 860);
            tab.waitFor("getComputedStyle(document.getElementById('nav')).display === 'none'");
            tab.click("#nav-toggle");
            tab.waitFor("getComputedStyle(document.getElementById('nav')).display === 'block'");
            tab.screenshot(SCREENSHOTS.resolve("overview-narrow.png"));
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void theConsoleIsOperatedWithTheKeyboardAlone() {
        try (DevToolsBrowser.Tab tab = open("overview")) {
            tab.waitFor("document.querySelector('[data-count=completed]')");
            tab.eval("document.activeElement.blur()");
            tab.press("Tab");
            tab.waitFor("document.activeElement.classList.contains('skip')");
            String jobs = "document.activeElement.dataset.page === 'jobs'";
            for (int i = 0; i < 12 && !tab.eval(jobs).asBoolean(); i++) {
                tab.press("Tab");
            }
            tab.waitFor(jobs);
            tab.press("Enter");
            tab.waitFor("document.getElementById('page').dataset.page === 'jobs'");
            tab.waitFor("document.getElementById('job-state')");
            tab.press("Tab");
            tab.waitFor("document.activeElement.id === 'job-state' || document.activeElement.closest('main')");

            tab.eval("document.getElementById('auth-button').focus()");
            tab.press("Enter");
            tab.waitFor("document.getElementById('auth-dialog').open && document.activeElement.id === 'auth-value'");
            tab.press("Escape");
            tab.waitFor("!document.getElementById('auth-dialog').open");
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void aTaskRunFromTheGeneratedFormShowsServerFieldErrorsThenReaches100Percent() {
        try (DevToolsBrowser.Tab tab = open("tasks/simulate-work")) {
            tab.waitFor("document.getElementById('task-simulate-work-steps')");
            assertThat(tab.text("#page")).contains("demo", "Concurrency", "Retry");

            tab.allow("422"); // generation 2 (the default) answers invalid input with 422
            tab.type("#task-simulate-work-steps", "0");
            tab.click("#task-run-button");
            tab.waitFor("document.getElementById('task-simulate-work-steps-error').innerText.length > 0");
            assertThat(tab.text("#task-simulate-work-steps-error")).contains("greater than or equal to 1");
            assertThat(tab.eval("document.getElementById('task-simulate-work-steps').getAttribute('aria-invalid')")
                            .asString())
                    .isEqualTo("true");

            tab.type("#task-simulate-work-steps", "8");
            tab.type("#task-simulate-work-stepMillis", "150");
            tab.click("#task-run-button");
            tab.waitFor("document.getElementById('task-run').dataset.status === 'completed'", JOB_TIMEOUT);
            assertThat(tab.eval("document.querySelector('#task-run [role=progressbar]').getAttribute('aria-valuenow')")
                            .asString())
                    .isEqualTo("100");
            assertThat(tab.text("#task-run")).contains("step 8 of 8");
            tab.waitFor(
                    "document.querySelector('#page table') && document.querySelector('#page').innerText.includes('succeeded')");
            tab.screenshot(SCREENSHOTS.resolve("tasks.png"));

            tab.click("#task-toggle");
            tab.waitFor("document.getElementById('task-run-button').disabled");
            assertThat(api.get("/api/v1/tasks/simulate-work")
                            .json()
                            .get("enabled")
                            .asBoolean())
                    .isFalse();
            tab.click("#task-toggle");
            tab.waitFor("!document.getElementById('task-run-button').disabled");
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void slowJobsShowLiveProgressAndAreCanceledOneByOneAndInBulk() {
        String slow = startSlowJob();
        String bulk1 = startSlowJob();
        String bulk2 = startSlowJob();
        try (DevToolsBrowser.Tab tab = open("jobs")) {
            tab.waitFor(
                    "Number(document.querySelector('tr[data-job=" + js(slow)
                            + "] [role=progressbar]')?.getAttribute('aria-valuenow')) > 0",
                    JOB_TIMEOUT);
            assertThat(tab.text("tr[data-job=" + js(slow) + "]")).contains("running", "step");
            tab.screenshot(SCREENSHOTS.resolve("jobs.png"));

            tab.click("tr[data-job=" + js(slow) + "] button");
            tab.waitFor("!document.querySelector('tr[data-job=" + js(slow) + "]')");
            assertThat(api.get("/api/v1/jobs/" + slow).status()).isEqualTo(404);

            tab.click("tr[data-job=" + js(bulk1) + "] input[type=checkbox]");
            tab.click("tr[data-job=" + js(bulk2) + "] input[type=checkbox]");
            tab.waitFor("!document.getElementById('bulk-cancel').disabled");
            tab.click("#bulk-cancel");
            tab.waitFor("!document.querySelector('tr[data-job=" + js(bulk1)
                    + "]') && !document.querySelector('tr[data-job=" + js(bulk2) + "]')");
            assertThat(api.get("/api/v1/jobs/" + bulk1).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/jobs/" + bulk2).status()).isEqualTo(404);
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void aFailedJobShowsItsErrorAndTraceback() {
        String config = api.postJson("/api/v1/configs", "{\"name\":\"browser failing\",\"data\":{}}")
                .json()
                .get("id")
                .asString();
        HttpApi.Response accepted = api.postJson(
                "/api/v1/ml/$train",
                "{\"config_id\":\"" + config
                        + "\",\"data\":{\"columns\":[\"time_period\",\"location\",\"disease_cases\"],"
                        + "\"data\":[[\"2020-01\",\"a\",1],[\"2020-02\",\"a\",2]]}}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().get("job_id").asString();
        try (DevToolsBrowser.Tab tab = open("jobs/failed/" + id)) {
            tab.waitFor("document.querySelector('#job-detail .traceback')", JOB_TIMEOUT);
            assertThat(tab.text("#job-detail")).contains("No column 'rainfall'", "failed");
            assertThat(tab.text("#job-detail .traceback")).contains("at org.chapkit");
            tab.waitFor("document.querySelector('tr[data-job=" + js(id) + "][data-status=failed]')");
            tab.screenshot(SCREENSHOTS.resolve("jobs-failed.png"));
            assertThat(tab.problems()).isEmpty();
        }
        api.send("DELETE", "/api/v1/configs/" + config, null, null);
    }

    @Test
    void aTrainingJobShowsItsRunLogMetricsWithTheirHistoryParametersAndTags() {
        String config = smallConfig("browser run log");
        JsonNode data = sampleData(config, 3);
        String id = api.postJson("/api/v1/ml/$train", "{\"config_id\":\"" + config + "\",\"data\":" + data + "}")
                .json()
                .get("job_id")
                .asString();
        await().atMost(JOB_TIMEOUT)
                .until(() -> api.get("/api/v1/jobs/" + id).json().get("status").asString(), "completed"::equals);
        try (DevToolsBrowser.Tab tab = open("jobs/completed/" + id)) {
            tab.waitFor("document.querySelector('#job-run-log tr[data-metric=train_rmse]')", JOB_TIMEOUT);
            // the sample forecaster logs its RMSE once per fitted location: three points, steps 0 to 2
            assertThat(tab.text("#job-run-log tr[data-metric=train_rmse]")).contains("3 points, steps 0–2");
            assertThat(tab.eval(
                                    "document.querySelector('#job-run-log tr[data-metric=train_rmse] svg.sparkline') !== null")
                            .asBoolean())
                    .isTrue();
            assertThat(tab.text("#job-run-log .run-log-params")).contains("locations", "3", "lags", "n_samples");
            assertThat(tab.text("#job-run-log .run-log-tags")).contains("chapkit.config_id", config);
            tab.screenshot(SCREENSHOTS.resolve("jobs-run-log.png"));
            assertThat(tab.problems()).isEmpty();
        }
        api.send("DELETE", "/api/v1/configs/" + config, null, null);
    }

    @Test
    void aScheduleIsCreatedWithAPreviewOfItsNextFiveRunsAndShowsOnTheTimeline() {
        try (DevToolsBrowser.Tab tab = open("schedules")) {
            tab.waitFor("document.querySelector('#page table') || document.querySelector('.state.empty')");
            tab.click("#schedule-new");
            tab.waitFor("document.getElementById('schedule-task')");
            tab.type("#schedule-task", "summarize-artifacts");
            tab.type("#schedule-kind", "interval");
            tab.allow("422"); // generation 2 (the default) answers invalid input with 422
            tab.type("#schedule-when", "1s");
            tab.waitFor("document.getElementById('schedule-when-error').innerText.includes('at least')");
            tab.type("#schedule-when", "15m");
            tab.waitFor("document.querySelectorAll('#schedule-preview li[data-run]').length === 5");
            tab.type("#schedule-kind", "cron");
            tab.type("#schedule-zone", "UTC");
            tab.type("#schedule-when", "0 4 * * *");
            tab.waitFor(
                    "document.querySelectorAll('#schedule-preview li[data-run]').length === 5"
                            + " && document.querySelector('#schedule-preview li[data-run]').dataset.run.endsWith('T04:00:00Z')");
            List<String> runs = List.of(tab.eval("[...document.querySelectorAll('#schedule-preview li[data-run]')]"
                            + ".map(li => li.dataset.run).join(',')")
                    .asString()
                    .split(","));
            assertThat(runs).hasSize(5).isSorted();
            tab.screenshot(SCREENSHOTS.resolve("schedules-editor.png"));

            tab.click("#schedule-save");
            tab.waitFor("document.getElementById('schedule-editor').hidden");
            JsonNode created = null;
            for (JsonNode schedule :
                    api.get("/api/v1/schedules?task=summarize-artifacts").json()) {
                if ("0 4 * * *".equals(schedule.path("cron").asString())) {
                    created = schedule;
                }
            }
            assertThat(created).as("the schedule the form created").isNotNull();
            String id = created.get("id").asString();
            assertThat(created.get("next_run_at").asString())
                    .isEqualTo(runs.get(0).replace(".000Z", "Z"));
            tab.waitFor("document.querySelector('tr[data-schedule=" + js(id) + "] [data-next-run]')");
            tab.waitFor("document.querySelector('.timeline circle')");
            tab.screenshot(SCREENSHOTS.resolve("schedules.png"));
            assertThat(api.send("DELETE", "/api/v1/schedules/" + id, null, null).status())
                    .isEqualTo(204);
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void aConfigIsCreatedFromTheSchemaFormWithServerValidationAtTheField() {
        try (DevToolsBrowser.Tab tab = open("configs/new")) {
            tab.waitFor("document.getElementById('config-prediction_periods')");
            assertThat(tab.eval("document.querySelector('[data-config-type]') === null")
                            .asBoolean())
                    .as("a service with one config type shows no type tabs")
                    .isTrue();
            tab.type("#config-name", "browser config");
            tab.allow("HTTP 4");
            tab.allow("status of 4");
            tab.type("#config-prediction_periods", "99");
            tab.click("#config-save");
            tab.waitFor("document.querySelector('#config-form .field-error:not(:empty)')");
            assertThat(tab.text("#config-form")).containsAnyOf("12", "less than or equal");

            tab.type("#config-prediction_periods", "4");
            tab.click("#config-save");
            tab.waitFor("location.hash.startsWith('#/configs/') && location.hash !== '#/configs/new'"
                    + " && document.getElementById('config-delete')");
            String id = tab.eval("location.hash.split('/')[2]").asString();
            JsonNode stored = api.get("/api/v1/configs/" + id).json();
            assertThat(stored.get("name").asString()).isEqualTo("browser config");
            assertThat(stored.get("data").get("prediction_periods").asInt()).isEqualTo(4);
            tab.waitFor(
                    "document.querySelector('#config-detail .state.empty') || document.querySelector('#config-detail table')");
            tab.screenshot(SCREENSHOTS.resolve("configs.png"));

            tab.eval("window.confirm = () => true");
            tab.click("#config-delete");
            tab.waitFor("location.hash === '#/configs'");
            assertThat(api.get("/api/v1/configs/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void trainThenPredictFollowsBothJobsAndPlotsTheForecastWithBandsThenModelsAndArtifactsShowIt() {
        String config = api.postJson("/api/v1/configs", "{\"name\":\"browser train\",\"data\":{\"n_samples\":30}}")
                .json()
                .get("id")
                .asString();
        try (DevToolsBrowser.Tab tab = open("train")) {
            tab.waitFor("document.getElementById('train-config')?.querySelector('option[value=" + js(config) + "]')");
            tab.type("#train-config", config);
            tab.type("#train-locations", "2");
            tab.type("#train-periods", "24");
            tab.click("#train-generate");
            tab.waitFor("document.querySelector('#train-diagnostics [data-valid=true]')");
            tab.screenshot(SCREENSHOTS.resolve("train-validated.png"));
            tab.click("#train-submit");
            tab.waitFor("document.getElementById('train-run').dataset.status === 'completed'", JOB_TIMEOUT);
            tab.click("#predict-generate");
            tab.waitFor("document.querySelector('#predict-diagnostics [data-valid=true]')");
            tab.click("#predict-submit");
            tab.waitFor("document.getElementById('predict-run').dataset.status === 'completed'", JOB_TIMEOUT);
            tab.waitFor("document.querySelector('#train-forecast svg')");
            for (String series : List.of("history", "median", "band-50", "band-90")) {
                assertThat(tab.eval("document.querySelector('#train-forecast [data-series=" + js(series)
                                        + "]')?.getAttribute('d')?.length ?? 0")
                                .asInt())
                        .as(series)
                        .isGreaterThan(10);
            }
            assertThat(tab.eval("document.getElementById('forecast-location').options.length")
                            .asInt())
                    .isEqualTo(2);
            tab.type("#forecast-location", "location_1");
            tab.waitFor(
                    "document.querySelector('#train-forecast svg').getAttribute('aria-label') === 'Forecast for location_1'");
            assertThat(tab.text("#train-forecast")).contains("30 samples per period");
            tab.screenshot(SCREENSHOTS.resolve("train-predict.png"));
            String prediction = tab.text("#train-forecast h2 code");
            JsonNode artifact = api.get("/api/v1/artifacts/" + prediction).json();
            assertThat(artifact.get("data").get("type").asString()).isEqualTo("ml_prediction");
            String training = artifact.get("parent_id").asString();

            tab.navigate(console("models/" + training + "/" + prediction));
            tab.waitFor("document.getElementById('page').dataset.page === 'models'"
                    + " && document.querySelector('#forecast [data-series=band-90]')");
            assertThat(tab.eval("!!document.querySelector('#forecast [data-series=history]')")
                            .asBoolean())
                    .as("the observed history this tab kept for the prediction")
                    .isTrue();
            tab.screenshot(SCREENSHOTS.resolve("models.png"));

            tab.navigate(console("artifacts/" + prediction));
            tab.waitFor("document.getElementById('page').dataset.page === 'artifacts'"
                    + " && document.querySelector('#frame-preview table')");
            assertThat(tab.text("#frame-preview")).contains("sample_29").containsPattern("rows 1–6 of 6");
            assertThat(tab.eval("document.querySelectorAll('#artifact-downloads [data-href]').length")
                            .asInt())
                    .isGreaterThanOrEqualTo(5);
            String csv = tab.eval(
                            "fetch(document.querySelector('#artifact-downloads [data-href]').dataset.href).then(r => r.text())")
                    .asString();
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("time_period,location,sample_0");
            Path downloads = Path.of("target", "console-downloads").toAbsolutePath();
            tab.send("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            tab.click("#artifact-downloads [data-href]");
            Path saved = downloads.resolve("artifact_" + prediction + ".csv");
            assertThat(waitForFile(saved))
                    .as("the CSV the button downloaded with the tab's credentials")
                    .startsWith("time_period,location,sample_0");
            assertThat(tab.eval("document.querySelectorAll('.tree a').length").asInt())
                    .isGreaterThanOrEqualTo(2);
            tab.screenshot(SCREENSHOTS.resolve("artifacts.png"));
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void theRegistryPageShowsVersionsAliasesAndBacktestScores() throws Exception {
        String config = smallConfig("registry-page");
        JsonNode data = sampleData(config, 2);
        JsonNode trained = api.postJson("/api/v1/ml/$train", "{\"config_id\":\"" + config + "\",\"data\":" + data + "}")
                .json();
        JsonNode backtest = api.postJson(
                        "/api/v1/ml/$backtest",
                        "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"splits\":2,\"horizon\":2}")
                .json();
        for (String job :
                List.of(trained.get("job_id").asString(), backtest.get("job_id").asString())) {
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> api.get("/api/v1/jobs/" + job)
                                    .json()
                                    .get("status")
                                    .asString(),
                            "completed"::equals);
        }
        String model = api.get("/api/v1/models").json().get(0).get("name").asString();
        String artifact = trained.get("artifact_id").asString();
        int version = 0;
        for (JsonNode v : api.get("/api/v1/models/" + model + "/versions").json()) {
            if (v.get("artifact_id").asString().equals(artifact)) {
                version = v.get("version").asInt();
            }
        }
        api.send(
                "PUT",
                "/api/v1/models/" + model + "/aliases/page-champion",
                "application/json",
                "{\"version\":" + version + "}");
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.allow("/routing"); // 404: the model has no routing rule, which the page shows as "—"
            tab.navigate(console("registry"));
            tab.waitFor("document.querySelector('[data-version=\"" + version + "\"]') && document.querySelector("
                    + js("[data-evaluation=\"" + backtest.get("artifact_id").asString() + "\"]") + ")");
            assertThat(tab.text("[data-version=\"" + version + "\"]")).contains("page-champion", "active");
            assertThat(tab.text(
                            "[data-evaluation=\"" + backtest.get("artifact_id").asString() + "\"]"))
                    .contains("2 × 2", "%");
            tab.screenshot(SCREENSHOTS.resolve("registry.png"));
            assertThat(tab.problems()).isEmpty();
        } finally {
            api.send("DELETE", "/api/v1/models/" + model + "/aliases/page-champion", null, null);
        }
    }

    @Test
    void theClusterPageSaysSoWhenTheServiceRunsWithoutClusterMode() {
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.allow("/api/v1/cluster"); // 404: no cluster mode, which the page explains
            tab.allow("404");
            tab.navigate(console("cluster"));
            tab.waitFor("document.querySelector('[data-cluster-off]')");
            assertThat(tab.text("[data-cluster-off]")).contains("chapkit.cluster.enabled=true");
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void metricsChartRequestRateLatencyJobsQueueAndMemoryOverTime() {
        try (DevToolsBrowser.Tab tab = open("metrics")) {
            tab.waitFor(
                    "document.querySelector('#metric-requests [data-series]') && document.querySelector('#metric-memory [data-series]')",
                    Duration.ofSeconds(30));
            assertThat(tab.text("#metric-now")).contains("Heap", "MiB");
            tab.waitFor("document.querySelector('[data-updated]').innerText.includes('updated')");
            tab.screenshot(SCREENSHOTS.resolve("metrics.png"));
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void theCredentialEnteredOnceIsSentAndA401IsExplained() {
        List<String> sentKeys = new CopyOnWriteArrayList<>();
        try (DevToolsBrowser.Tab tab = open("overview")) {
            tab.click("#auth-button");
            tab.type("#auth-value", "console-test-key");
            tab.click("#auth-form button[value=save]");
            tab.waitFor("document.getElementById('auth-state').innerText === 'API key set'");
            assertThat(tab.eval("JSON.parse(sessionStorage.getItem('chapkit.console.credential')).value")
                            .asString())
                    .isEqualTo("console-test-key");

            // The service here runs without security; the browser itself answers the job list with 401, as a
            // secured service would, so the console's handling of it is what is tested.
            tab.onEvents(event -> {
                if (event.path("method").asString().equals("Fetch.requestPaused")) {
                    JsonNode params = event.get("params");
                    sentKeys.add(params.path("request")
                            .path("headers")
                            .path("X-API-Key")
                            .asString());
                    String body = "{\"type\":\"urn:chapkit:error:unauthorized\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"Invalid API key\"}";
                    CompletableFuture.runAsync(() -> tab.send(
                            "Fetch.fulfillRequest",
                            Map.of(
                                    "requestId",
                                    params.get("requestId").asString(),
                                    "responseCode",
                                    401,
                                    "responseHeaders",
                                    List.of(Map.of("name", "Content-Type", "value", "application/problem+json")),
                                    "body",
                                    Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))));
                }
            });
            tab.send("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/api/v1/jobs"))));
            tab.allow("401");
            tab.navigate(console("jobs"));
            tab.waitFor("!document.getElementById('banner').hidden");
            assertThat(tab.text("#banner")).contains("Not signed in", "Invalid API key");
            assertThat(tab.text("#page")).contains("Error 401");
            assertThat(sentKeys).isNotEmpty().allSatisfy(key -> assertThat(key).isEqualTo("console-test-key"));
            tab.screenshot(SCREENSHOTS.resolve("unauthorized.png"));
            tab.send("Fetch.disable", Map.of());
            tab.eval("sessionStorage.clear()");
            assertThat(tab.problems()).isEmpty();
        }
    }

    private static String waitForFile(Path file) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                if (java.nio.file.Files.exists(file) && java.nio.file.Files.size(file) > 0) {
                    return java.nio.file.Files.readString(file);
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("No download at " + file + " within 20 s");
    }

    /** A config of the sample forecaster that trains in a moment (2 periods, 3 samples, 1 lag). */
    private String smallConfig(String name) {
        return api.postJson(
                        "/api/v1/configs",
                        "{\"name\":\"" + name + "\",\"data\":{\"prediction_periods\":2,\"n_samples\":3,\"lags\":1}}")
                .json()
                .get("id")
                .asString();
    }

    /** {@code $generate-sample-data} for a config: 24 periods of {@code locations} locations. */
    private JsonNode sampleData(String config, int locations) {
        return api.get("/api/v1/ml/$generate-sample-data?config_id=" + config + "&num_periods=24&num_locations="
                        + locations)
                .json()
                .get("data");
    }

    private String startSlowJob() {
        HttpApi.Response accepted =
                api.postJson("/api/v1/tasks/simulate-work/$execute", "{\"params\":{\"steps\":600,\"stepMillis\":200}}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("job_id").asString();
    }
}

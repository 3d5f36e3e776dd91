package org.chapkit.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.Page;
import org.chapkit.client.cli.ChapkitTestCli;
import org.chapkit.client.security.ApiKey;
import org.chapkit.client.security.ApiKeyCreated;
import org.chapkit.client.security.ApiKeyRequest;
import org.chapkit.client.security.AuditEvent;
import org.chapkit.client.security.AuditFilter;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample app with security on as docs/security.md says (an admin key in {@code SERVICEKIT_API_KEYS},
 * {@code chapkit.security.enabled=true}): the {@code ChapkitTestCli} check passes with the key and the typed
 * client is refused without it.
 */
class SecuredSampleAppTests {

    static final String KEY = "sample-admin-key-5d0c3e9a71b24f68";

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = {"chapkit.security.enabled=true", "SERVICEKIT_API_KEYS=" + KEY})
    class OnH2 {

        @LocalServerPort
        int port;

        @Test
        void theCommandLineCheckPassesWithTheKey() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream report = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = ChapkitTestCli.run(
                        new String[] {
                            "--url", "http://127.0.0.1:" + port, "--timeout", "120", "--seed", "2", "--api-key", KEY
                        },
                        report,
                        errors);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(text).contains("PASSED");
        }

        @Test
        void theTypedClientIsRefusedWithoutTheKey() {
            try (ChapkitClient client = LocalService.client(port)) {
                assertThatThrownBy(client::info).isInstanceOfSatisfying(ChapkitProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(401);
                    assertThat(problem.detail()).isEqualTo("Missing authentication header: X-API-Key");
                });
            }
            try (ChapkitClient client = ChapkitClient.builder()
                    .baseUrl("http://127.0.0.1:" + port)
                    .apiKey(KEY)
                    .build()) {
                assertThat(client.info().id()).isEqualTo("chapkit-sample");
            }
        }

        @Test
        void theTypedClientManagesKeysAndReadsTheAuditTrail() {
            try (ChapkitClient admin = ChapkitClient.builder()
                    .baseUrl("http://127.0.0.1:" + port)
                    .apiKey(KEY)
                    .build()) {
                ApiKeyCreated created =
                        admin.security().createKey(new ApiKeyRequest("typed-client-viewer", "viewer", null));
                assertThat(created.secret()).isNotBlank().startsWith(created.prefix());
                assertThat(created.toString()).doesNotContain(created.secret());
                assertThat(admin.security().listKeys()).extracting(ApiKey::id).contains(created.id());
                assertThat(admin.security().getKey(created.id()).role()).isEqualTo("viewer");

                try (ChapkitClient viewer = ChapkitClient.builder()
                        .baseUrl("http://127.0.0.1:" + port)
                        .apiKey(created.secret())
                        .build()) {
                    assertThat(viewer.info().id()).isEqualTo("chapkit-sample");
                    assertThatThrownBy(() -> viewer.security().listKeys())
                            .isInstanceOfSatisfying(
                                    ChapkitProblemException.class,
                                    problem -> assertThat(problem.status()).isEqualTo(403));
                    admin.security().revokeKey(created.id());
                    assertThat(admin.security().getKey(created.id()).revokedAt())
                            .isNotNull();
                    assertThatThrownBy(viewer::info)
                            .isInstanceOfSatisfying(
                                    ChapkitProblemException.class,
                                    problem -> assertThat(problem.status()).isEqualTo(401));
                }

                Page<AuditEvent> denied =
                        admin.security().audit(AuditFilter.firstPage(50).withOutcome("denied"));
                assertThat(denied.items())
                        .isNotEmpty()
                        .allSatisfy(event -> assertThat(event.outcome()).isEqualTo("denied"));
                assertThat(denied.items())
                        .anySatisfy(event -> assertThat(event.path()).isEqualTo("/api/v1/keys"));
                assertThat(admin.security().audit(AuditFilter.firstPage(50)).items())
                        .anySatisfy(event -> {
                            assertThat(event.method()).isEqualTo("POST");
                            assertThat(event.path()).isEqualTo("/api/v1/keys");
                            assertThat(event.outcome()).isEqualTo("succeeded");
                        });
            }
        }
    }
}

package org.chapkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With security off (the default), every response still carries Spring Security's default headers, every request
 * is allowed, and Spring Boot's generated default user does not exist.
 */
@ServiceTestOnH2
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void apiErrorStaticAndDocsResponsesCarryTheDefaultHeaders() {
        for (String path : List.of(
                "/api/v1/info", "/api/v1/configs/01K72P5N5KCRM6MD3BRE4P0999", "/dash/", "/docs", "/openapi.json")) {
            HttpApi.Response response = api.get(path);
            assertThat(response.status()).as(path + " " + response).isLessThan(500);
            assertThat(response.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.header("X-XSS-Protection")).as(path).hasValue("0");
        }
    }

    @Test
    void firewallRejectionsAreProblemDocumentsWithTheHeaders() {
        // A path Tomcat passes on but Spring Security's StrictHttpFirewall refuses (an encoded percent sign).
        HttpApi.Response response = api.get("/api/v1/configs/%2525");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void withSecurityOffEverythingIsAllowedAndNoDefaultUserIsMade() {
        assertThat(api.postJson("/api/v1/configs", "{\"name\":\"open\",\"data\":{}}")
                        .status())
                .isEqualTo(201);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/keys"))).status())
                .as("no key API when security is off")
                .isIn(401, 404);
        assertThat(context.getBeanNamesForType(SecurityFilterChain.class))
                .containsExactly("chapkitSecurityFilterChain");
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }
}

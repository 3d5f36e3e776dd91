package org.chapkit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A local token issuer for tests: an RSA key pair whose public half is served as a JWK set from a JDK HTTP server
 * on a loopback port (started once per JVM), and a second key pair the service does not know.
 */
final class TestJwks {

    private static final TestJwks INSTANCE = new TestJwks();

    private final RSAKey trusted = generate("trusted");
    private final RSAKey unknown = generate("unknown");
    private final String jwkSetUri;

    private TestJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static TestJwks get() {
        return INSTANCE;
    }

    /** The URI of the JWK set, for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    String jwkSetUri() {
        return jwkSetUri;
    }

    /** A token signed by the trusted key, valid for 10 minutes, with {@code roles}. */
    String token(String subject, List<String> roles) {
        return sign(trusted, subject, roles, Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** A token that expired 10 minutes ago (beyond the validator's 60 s clock skew). */
    String expiredToken(String subject, List<String> roles) {
        return sign(trusted, subject, roles, Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** A well-formed token signed by a key that is not in the JWK set. */
    String tokenFromUnknownKey(String subject, List<String> roles) {
        return sign(unknown, subject, roles, Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static String sign(RSAKey key, String subject, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issueTime(Date.from(expires.minus(Duration.ofMinutes(20))))
                    .expirationTime(Date.from(expires))
                    .claim("roles", roles)
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

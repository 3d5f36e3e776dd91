package org.chapkit.artifact.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.chapkit.artifact.storage.ArtifactStorageContract;
import org.chapkit.test.ServiceTestOnPostgres;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@link ArtifactStorageContract} on S3 storage against a real S3 server in this JVM (s3proxy on its filesystem
 * blob store, with signature checks), with 5 MB parts so that large content goes up as a multipart upload.
 */
@ServiceTestOnPostgres
class S3ArtifactStorageTests extends ArtifactStorageContract {

    static final String ACCESS_KEY = "chapkit";
    static final String SECRET_KEY = "chapkit-secret";
    static final S3Proxy SERVER = start();

    @Autowired
    @Qualifier("chapkitArtifactS3Client")
    S3Client s3;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("chapkit.artifacts.storage.type", () -> "s3");
        registry.add("chapkit.artifacts.storage.s3.endpoint", () -> "http://127.0.0.1:" + SERVER.getPort());
        registry.add("chapkit.artifacts.storage.s3.bucket", () -> "chapkit-artifacts");
        registry.add("chapkit.artifacts.storage.s3.create-bucket", () -> "true");
        registry.add("chapkit.artifacts.storage.s3.access-key", () -> ACCESS_KEY);
        registry.add("chapkit.artifacts.storage.s3.secret-key", () -> SECRET_KEY);
        registry.add("chapkit.artifacts.storage.s3.part-size", () -> "5MB");
    }

    @Override
    protected Set<String> storedContentIds() {
        return s3.listObjectsV2Paginator(b -> b.bucket("chapkit-artifacts").prefix("artifacts/")).contents().stream()
                .map(S3Object::key)
                .map(key -> key.substring("artifacts/".length()))
                .collect(Collectors.toSet());
    }

    private static S3Proxy start() {
        try {
            Path directory = Files.createTempDirectory("chapkit-s3proxy");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials("identity", "credential")
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            // start() returns once Jetty listens (s3proxy's own tests then poll getState, which its shaded Jetty
            // reports differently); the port is bound by then
            if (proxy.getPort() <= 0) {
                throw new IllegalStateException("s3proxy has no port after start: " + proxy.getState());
            }
            return proxy;
        } catch (Exception ex) {
            throw new IllegalStateException("s3proxy did not start", ex);
        }
    }
}

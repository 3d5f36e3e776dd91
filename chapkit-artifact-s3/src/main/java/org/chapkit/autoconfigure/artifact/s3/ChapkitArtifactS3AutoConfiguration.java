package org.chapkit.autoconfigure.artifact.s3;

import org.chapkit.artifact.s3.S3ContentStorage;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Artifact content in an S3-compatible bucket when {@code chapkit.artifacts.storage.type=s3}: an {@link S3Client}
 * for the configured endpoint (named {@code chapkitArtifactS3Client}, replaceable) and the {@link S3ContentStorage}
 * that {@link ChapkitArtifactAutoConfiguration} then writes new content to.
 */
@AutoConfiguration(before = ChapkitArtifactAutoConfiguration.class)
@ConditionalOnClass(S3Client.class)
@ConditionalOnProperty(name = "chapkit.artifacts.storage.type", havingValue = "s3")
@EnableConfigurationProperties(ChapkitArtifactS3Properties.class)
public final class ChapkitArtifactS3AutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "chapkitArtifactS3Client")
    S3Client chapkitArtifactS3Client(ChapkitArtifactS3Properties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyle())
                // Checksums only where S3 requires them: the SDK's default (aws-chunked uploads with trailing
                // CRC32) is not understood by many S3-compatible stores (s3proxy, older MinIO and Ceph).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        properties.secretKey() == null || properties.secretKey().isBlank()
                                ? DefaultCredentialsProvider.builder().build()
                                : StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactContentStorage chapkitArtifactContentStorage(
            @Qualifier("chapkitArtifactS3Client") S3Client s3, ChapkitArtifactS3Properties properties) {
        if (properties.bucket() == null || properties.bucket().isBlank()) {
            throw new IllegalStateException(
                    "chapkit.artifacts.storage.type=s3 needs chapkit.artifacts.storage.s3.bucket");
        }
        if (properties.createBucket()) {
            try {
                s3.headBucket(b -> b.bucket(properties.bucket()));
            } catch (NoSuchBucketException ex) {
                s3.createBucket(b -> b.bucket(properties.bucket()));
            }
        }
        return new S3ContentStorage(
                s3,
                properties.bucket(),
                properties.prefix(),
                Math.toIntExact(properties.partSize().toBytes()));
    }
}

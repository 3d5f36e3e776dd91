package org.chapkit.autoconfigure.artifact.s3;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of S3 artifact content storage, used when {@code chapkit.artifacts.storage.type=s3}.
 *
 * @param bucket the bucket content goes to (required)
 * @param endpoint the store's endpoint, e.g. {@code http://minio:9000}; empty for AWS itself
 * @param region the signing region
 * @param pathStyle address buckets as {@code <endpoint>/<bucket>} rather than {@code <bucket>.<endpoint>}, as most
 *     S3-compatible stores need
 * @param accessKey access key id; with {@code secret-key} empty, the AWS default credentials chain is used
 * @param secretKey secret access key
 * @param prefix prepended to each content id to make its object key
 * @param partSize part size of multipart uploads (content larger than one part), at least 5MB; memory per upload is
 *     about twice this
 * @param createBucket create the bucket at start-up when it does not exist (for development stores)
 */
@ConfigurationProperties("chapkit.artifacts.storage.s3")
public record ChapkitArtifactS3Properties(
        String bucket,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("true") boolean pathStyle,
        String accessKey,
        String secretKey,
        @DefaultValue("artifacts/") String prefix,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("false") boolean createBucket) {}

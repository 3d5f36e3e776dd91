package org.chapkit.artifact.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.artifact.storage.ArtifactStorageException;
import org.chapkit.artifact.storage.ContentReference;
import org.chapkit.artifact.storage.DigestingInputStream;
import org.chapkit.id.Ulids;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Content as objects {@code <prefix><content id>} in one bucket of any S3-compatible store (AWS, MinIO, Ceph,
 * s3proxy, ...). Content up to one part is written with one {@code PutObject}; larger content as a multipart upload of
 * {@code partSize} parts, so memory holds one part at a time whatever the size; a failed upload is aborted. An object
 * appears only when its upload completes, so a reader never sees partial content. Reads stream from {@code
 * GetObject}.
 */
public class S3ContentStorage implements ArtifactContentStorage {

    /** The backend's {@link #type()}. */
    public static final String TYPE = "s3";

    /** S3's smallest part (but the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    /**
     * @param s3 the client, set up for the store's endpoint
     * @param bucket the bucket content goes to
     * @param prefix prepended to each content id to make its key, e.g. {@code artifacts/}
     * @param partSize bytes per part of a multipart upload, at least {@value #MIN_PART_SIZE}
     */
    public S3ContentStorage(S3Client s3, String bucket, String prefix, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "chapkit.artifacts.storage.s3.part-size must be at least 5MB, got " + partSize + " bytes");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.partSize = partSize;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ContentReference write(String contentId, InputStream in) {
        String key = key(contentId);
        DigestingInputStream digesting = new DigestingInputStream(in);
        byte[] part = new byte[partSize];
        try {
            int n = digesting.readNBytes(part, 0, partSize);
            if (n < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(slice(part, n)));
                return digesting.reference(contentId);
            }
            return multipart(contentId, key, digesting, part, n);
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the artifact content failed: " + ex.getMessage(), ex);
        } catch (SdkException ex) {
            throw failed("Writing", contentId, ex);
        }
    }

    private ContentReference multipart(String contentId, String key, DigestingInputStream in, byte[] part, int first)
            throws IOException {
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int n = first;
            while (n > 0) {
                int number = parts.size() + 1;
                byte[] bytes = slice(part, n);
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number),
                                RequestBody.fromBytes(bytes))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                n = n < partSize ? 0 : in.readNBytes(part, 0, partSize);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(parts).build()));
            return in.reference(contentId);
        } catch (IOException | RuntimeException ex) {
            abortQuietly(key, uploadId);
            throw ex;
        }
    }

    @Override
    public InputStream open(ContentReference content) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(content.contentId())));
        } catch (NoSuchKeyException ex) {
            throw new ArtifactStorageException(
                    "Artifact content " + content.contentId() + " is missing from bucket " + bucket, ex);
        } catch (SdkException ex) {
            throw failed("Reading", content.contentId(), ex);
        }
    }

    @Override
    public void delete(String contentId) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key(contentId)));
        } catch (SdkException ex) {
            throw failed("Deleting", contentId, ex);
        }
    }

    /** Also aborts multipart uploads under the prefix started before {@code cutoff}: uploads that never finished. */
    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<String> action) {
        for (S3Object object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            String id = object.key().substring(prefix.length());
            if (object.lastModified().isBefore(cutoff) && Ulids.isValid(id)) {
                action.accept(id);
            }
        }
        try {
            for (MultipartUpload upload : s3.listMultipartUploads(
                            b -> b.bucket(bucket).prefix(prefix))
                    .uploads()) {
                if (upload.initiated().isBefore(cutoff)) {
                    abortQuietly(upload.key(), upload.uploadId());
                }
            }
        } catch (SdkException ex) {
            // stores without ListMultipartUploads rely on a bucket lifecycle rule instead (see docs/storage.md)
        }
    }

    private String key(String contentId) {
        return prefix + Ulids.requireValid(contentId);
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // the sweep (or a lifecycle rule) aborts it later
        }
    }

    private ArtifactStorageException failed(String what, String contentId, SdkException ex) {
        return new ArtifactStorageException(
                what + " artifact content " + contentId + " in bucket " + bucket + " failed: " + ex.getMessage(), ex);
    }

    private static byte[] slice(byte[] buffer, int n) {
        return n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
    }
}

package org.chapkit.autoconfigure.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings of a chapkit service.
 *
 * @param maxRequestSize largest accepted request body; larger bodies get 413 problem+json (binary artifact uploads
 *     have their own limit)
 * @param sseMinPollInterval smallest poll interval an SSE client may ask for
 * @param maxDecompressedSize most bytes a compressed body or part (gzip/bzip2 {@code $import}, gzipped
 *     {@code $train}/{@code $predict} parts) may expand to; default {@code chapkit.artifacts.max-content-size}
 * @param maxDecompressionRatio most decompressed bytes per compressed byte (checked once 1 MB came out), so a
 *     decompression bomb is refused after reading a little of it
 * @param maxPageSize largest {@code size} a paginated list ({@code /api/v1/configs}, {@code /api/v1/artifacts},
 *     {@code /api/v1/audit}) may ask for; a larger one is a 400 (422 in contract generation 2) before anything is read
 */
@ConfigurationProperties("chapkit.web")
public record ChapkitWebProperties(
        @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue("100ms") Duration sseMinPollInterval,
        DataSize maxDecompressedSize,
        @DefaultValue("100") int maxDecompressionRatio,
        @DefaultValue("1000") int maxPageSize) {}

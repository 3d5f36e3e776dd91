package org.chapkit.client.http;

import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Creates the Jackson mapper the client uses, tuned to read both Java and Python chapkit services. */
public final class ChapkitJson {

    private ChapkitJson() {}

    /**
     * A new mapper that ignores unknown properties, reads unknown enum values as the enum's default, reads the
     * three timestamp formats of the contract as {@link Instant} and writes timestamps and durations as ISO-8601
     * strings.
     *
     * @return a new mapper
     */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .addModule(new SimpleModule("chapkit-client-time")
                        .addDeserializer(Instant.class, new LenientInstantDeserializer()))
                .build();
    }
}

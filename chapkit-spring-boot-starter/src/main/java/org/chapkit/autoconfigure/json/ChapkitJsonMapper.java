package org.chapkit.autoconfigure.json;

import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link JsonMapper} chapkit reads and writes its stored JSON with (config data, artifact data, job payloads,
 * schedule params, task runs). It is chapkit's own, not the application's Jackson bean, so {@code spring.jackson.*}
 * settings and Jackson modules meant for the application's API leave what is stored (and read back) unchanged. Adjust
 * it with {@link ChapkitJsonMapperCustomizer} beans, or replace it with a bean of this type.
 */
public final class ChapkitJsonMapper {

    private final JsonMapper mapper;

    /**
     * Wraps {@code mapper}.
     *
     * @param mapper the mapper to store with
     */
    public ChapkitJsonMapper(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Jackson's defaults adjusted by {@code customizers}, in their order.
     *
     * @param customizers the customizers to apply
     * @return the mapper
     */
    public static ChapkitJsonMapper build(Stream<ChapkitJsonMapperCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder();
        customizers.forEach(customizer -> customizer.customize(builder));
        return new ChapkitJsonMapper(builder.build());
    }

    /**
     * The mapper.
     *
     * @return the mapper chapkit stores with
     */
    public JsonMapper mapper() {
        return mapper;
    }
}

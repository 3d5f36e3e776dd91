package org.chapkit.ml.runner;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a trained model into the bytes stored in the training artifact and back.
 *
 * <p>The default for records and other Jackson-friendly types is {@link #json JSON}; custom formats (ONNX,
 * XGBoost, …) use {@link #bytes raw bytes} or {@link #of their own functions}. Java native serialisation is
 * deliberately not offered: deserialising it can execute code.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M> {

    /** The content type of JSON-encoded models. */
    String JSON_CONTENT_TYPE = "application/json";

    /**
     * The MIME type stored as the artifact's {@code content_type}.
     *
     * @return the content type
     */
    String contentType();

    /**
     * Encodes a model.
     *
     * @param model the model
     * @return its bytes
     */
    byte[] encode(M model);

    /**
     * Decodes a model.
     *
     * @param bytes bytes from {@link #encode}
     * @return the model
     */
    M decode(byte[] bytes);

    /**
     * A JSON codec for a class.
     *
     * @param mapper the mapper
     * @param type the model class
     * @param <M> the model type
     * @return the codec
     */
    static <M> ModelCodec<M> json(JsonMapper mapper, Class<M> type) {
        return json(mapper, (Type) type);
    }

    /**
     * A JSON codec for a (possibly generic) type.
     *
     * @param mapper the mapper
     * @param type the model type
     * @param <M> the model type
     * @return the codec
     */
    static <M> ModelCodec<M> json(JsonMapper mapper, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        return of(JSON_CONTENT_TYPE, mapper::writeValueAsBytes, bytes -> mapper.readValue(bytes, javaType));
    }

    /**
     * A codec that stores the model's own bytes.
     *
     * @param contentType the MIME type, e.g. {@code application/octet-stream}
     * @return the codec
     */
    static ModelCodec<byte[]> bytes(String contentType) {
        return of(contentType, byte[]::clone, byte[]::clone);
    }

    /**
     * A codec from two functions.
     *
     * @param contentType the MIME type
     * @param encoder model to bytes
     * @param decoder bytes to model
     * @param <M> the model type
     * @return the codec
     */
    static <M> ModelCodec<M> of(String contentType, Function<M, byte[]> encoder, Function<byte[], M> decoder) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new ModelCodec<>() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public byte[] encode(M model) {
                return encoder.apply(model);
            }

            @Override
            public M decode(byte[] bytes) {
                return decoder.apply(bytes);
            }
        };
    }
}

package org.chapkit.artifact;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A kind of artifact: the record its {@code data} is written from and read back into, and the {@code data.type} that
 * tells stored artifacts of this kind apart. Give one to {@link ArtifactManager#create(ArtifactKind, String, String,
 * Object, java.util.List)} and {@link ArtifactManager#read(ArtifactKind, String)} instead of writing a {@code Map} and
 * reading the JSON back by key.
 *
 * @param type the value of the data's {@code type} key, or null for a kind whose data has no such key (then any
 *     JSON object that binds to {@code dataType} is of this kind)
 * @param dataType the record the data binds to; it must write a {@code type} property equal to {@code type}
 * @param <D> the data record
 */
public record ArtifactKind<D>(String type, Class<D> dataType) {

    /** Key of the kind's name inside an artifact's data object. */
    public static final String TYPE_KEY = "type";

    /** Checks the components. */
    public ArtifactKind {
        Objects.requireNonNull(dataType, "dataType");
        if (type != null && type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank; use null for a kind without a type key");
        }
    }

    /**
     * Whether stored data claims to be of this kind: a JSON object whose {@code type} is this kind's (any object for
     * a kind without a type). Binding may still fail when the claim is wrong in its details.
     *
     * @param data an artifact's data
     * @return true when the data is of this kind by its {@code type}
     */
    public boolean matches(JsonNode data) {
        return data != null
                && data.isObject()
                && (type == null || type.equals(data.path(TYPE_KEY).asString("")));
    }

    /**
     * How this kind is named in messages.
     *
     * @return the type, or the data record's simple name for a kind without a type
     */
    public String label() {
        return type == null ? dataType.getSimpleName() : type;
    }
}

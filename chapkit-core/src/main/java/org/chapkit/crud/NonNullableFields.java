package org.chapkit.crud;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import tools.jackson.databind.node.ObjectNode;

/** The fields of an entity that a sent-fields {@code PUT} may leave out but may not clear with an explicit null. */
public record NonNullableFields(List<String> names) {

    /** The fields, in the order they are reported. */
    public NonNullableFields {
        names = List.copyOf(names);
    }

    /** The fields {@code names}. */
    public static NonNullableFields of(String... names) {
        return new NonNullableFields(List.of(names));
    }

    /**
     * Refuses a body that sends any of these fields as an explicit {@code null}, naming every such field.
     *
     * @throws ValidationFailedException when one or more of the fields are null in {@code body}
     */
    public void requireNotNullIn(ObjectNode body) {
        List<FieldError> nulls = new ArrayList<>();
        for (String field : names) {
            if (body.has(field) && body.get(field).isNull()) {
                nulls.add(new FieldError(field, "may not be null", FieldError.Source.BODY, "missing"));
            }
        }
        if (!nulls.isEmpty()) {
            throw new ValidationFailedException(
                    "Fields that cannot be null were sent as null: "
                            + String.join(
                                    ", ", nulls.stream().map(FieldError::field).toList()),
                    nulls);
        }
    }
}

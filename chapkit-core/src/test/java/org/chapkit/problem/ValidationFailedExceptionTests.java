package org.chapkit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationFailedExceptionTests {

    @Test
    void severalFieldsAreJoinedIntoOneDetailAndAllListed() {
        List<FieldError> errors =
                List.of(new FieldError("tags[0]", "must not be null"), new FieldError("tags[2]", "duplicate tag 'a'"));

        ValidationFailedException problem = ValidationFailedException.invalid("tags", errors);

        assertThat(problem.getMessage()).isEqualTo("Invalid tags: tags[0] must not be null; tags[2] duplicate tag 'a'");
        assertThat(problem.fieldErrors()).isEqualTo(errors);
        assertThat(problem.getBody().getProperties()).containsEntry("errors", errors);
        assertThat(problem.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void oneBodyFieldIsNamedInTheDetail() {
        ValidationFailedException problem =
                ValidationFailedException.invalid(new FieldError("name", "must be at most 255 characters, got 300"));

        assertThat(problem.getMessage()).isEqualTo("Invalid name: must be at most 255 characters, got 300");
        assertThat(problem.fieldErrors())
                .singleElement()
                .extracting(FieldError::field)
                .isEqualTo("name");
    }

    @Test
    void oneQueryParameterIsCalledAQueryParameter() {
        ValidationFailedException problem =
                ValidationFailedException.invalid(FieldError.query("geo_type", "must be 'polygon' or 'point'"));

        assertThat(problem.getMessage()).isEqualTo("Invalid query parameter geo_type: must be 'polygon' or 'point'");
        assertThat(problem.fieldErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.loc()).containsExactly("query", "geo_type"));
    }
}

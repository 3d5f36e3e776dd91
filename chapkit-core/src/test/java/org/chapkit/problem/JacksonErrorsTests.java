package org.chapkit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacksonErrorsTests {

    @Test
    void javaTypesBecomeJsonKinds() {
        assertThat(JacksonErrors.firstLine(
                        "Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from String value"
                                + " (token `JsonToken.VALUE_STRING`)",
                        "x"))
                .isEqualTo("Cannot deserialize value of type an array from String value");
        assertThat(JacksonErrors.withoutJavaTypes("Cannot construct instance of `org.chapkit.config.ConfigIn`"))
                .isEqualTo("Cannot construct instance of an object");
        assertThat(JacksonErrors.withoutJavaTypes("Cannot deserialize value of type `int` from String \"many\""))
                .isEqualTo("Cannot deserialize value of type an integer from String \"many\"");
        assertThat(JacksonErrors.withoutJavaTypes("Unrecognized field `name` (class java.lang.Object)"))
                .isEqualTo("Unrecognized field `name` (class an object)");
    }
}

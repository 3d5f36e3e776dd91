package org.chapkit.ml.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Why an inbound message was refused: the RFC 9457 problem the REST API answers the same request with (its {@code
 * type}, {@code title}, {@code status}, {@code detail} and field {@code errors}), plus the message's id. It travels as
 * the dead-lettered message's {@code x-chapkit-reason} header and as the data of {@code org.chapkit.command.rejected}.
 *
 * @param messageId the message's id, or {@code null} when it had none
 * @param type the problem type URI
 * @param title the problem title
 * @param status the HTTP status the REST API answers with
 * @param detail what is wrong
 * @param errors the invalid fields, as the REST API lists them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandRejection(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("errors") List<Object> errors) {}

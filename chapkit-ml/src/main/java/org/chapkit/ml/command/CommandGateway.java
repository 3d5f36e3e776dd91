package org.chapkit.ml.command;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chapkit.event.EventPublisher;
import org.chapkit.ml.api.JobSubmitted;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.command.internal.InboundMessageStore;
import org.chapkit.ml.service.MlManager;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;
import org.chapkit.problem.RequestBodyProblems;
import org.chapkit.task.ExecuteTaskRequest;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.TaskExecutionAccepted;
import org.chapkit.task.TaskManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs inbound commands. A message's body is a JSON object naming the command and carrying, as {@code body}, exactly
 * what the REST API takes:
 *
 * <pre>{@code
 * {"command": "$train",   "body": {"config_id": "01K…", "data": {...}}}
 * {"command": "$predict", "body": {"artifact_id": "01K…", "historic": {...}, "future": {...}}}
 * {"command": "$execute", "task": "cleanup", "body": {"params": {"days": 7}}}
 * }</pre>
 *
 * <p>The body is read with the application's JSON mapper (the one the REST API reads requests with) and handed to the
 * same managers the controllers call, so a command is valid exactly when the REST request would be. An accepted
 * message's id is recorded ({@code inbound_messages}), its job submitted and {@link CommandAccepted} published in one
 * transaction: a redelivered message finds its id and runs nothing; a crash before the commit leaves no trace, and the
 * broker delivers the message again. A malformed or invalid message is {@link CommandOutcome.Rejected} with the problem
 * the REST API answers, {@link CommandRejected} is published, and the adapter dead-letters it.
 */
public final class CommandGateway {

    private final Optional<MlManager> ml;
    private final Optional<TaskManager> tasks;
    private final InboundMessageStore messages;
    private final EventPublisher events;
    private final TransactionOperations transactions;
    private final JsonMapper mapper;

    /**
     * Creates the gateway.
     *
     * @param ml runs {@code $train} and {@code $predict}, when the service has a model
     * @param tasks runs {@code $execute}, when the service has tasks
     * @param messages the de-duplication table
     * @param events where the answers go
     * @param transactions one transaction per accepted message
     * @param mapper the application's JSON mapper
     */
    public CommandGateway(
            Optional<MlManager> ml,
            Optional<TaskManager> tasks,
            InboundMessageStore messages,
            EventPublisher events,
            TransactionOperations transactions,
            JsonMapper mapper) {
        this.ml = Objects.requireNonNull(ml, "ml");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Handles one message.
     *
     * @param channel where it came from, e.g. {@code rabbitmq:chapkit-commands}: message ids are unique per channel
     * @param messageId the broker's message id (AMQP {@code message-id}, the Kafka header {@code message_id}), or
     *     {@code null} when the message has none — it is then rejected, as it could not be de-duplicated
     * @param body the message body
     * @return what became of it; a rejected message is to be dead-lettered
     */
    public CommandOutcome handle(String channel, String messageId, byte[] body) {
        CommandOutcome outcome;
        try {
            if (messageId == null || messageId.isBlank()) {
                throw new ChapkitException(
                        ProblemType.BAD_REQUEST, "The message has no id, so it cannot be run exactly once");
            }
            InboundCommand command = read(body);
            outcome = transactions.execute(status -> run(channel, messageId, command));
        } catch (ChapkitException ex) {
            outcome = new CommandOutcome.Rejected(rejection(messageId, ex));
        }
        if (outcome instanceof CommandOutcome.Rejected rejected) {
            events.publish(new CommandRejected(channel, rejected.reason()));
        }
        return outcome;
    }

    private CommandOutcome run(String channel, String messageId, InboundCommand command) {
        if (!messages.claim(channel, messageId, command.name())) {
            return new CommandOutcome.Duplicate(messages.job(channel, messageId).orElse(null));
        }
        String jobId;
        String artifactId;
        String task = null;
        switch (command) {
            case InboundCommand.Train train -> {
                JobSubmitted submitted = ml().train(train.request());
                jobId = submitted.jobId();
                artifactId = submitted.artifactId();
            }
            case InboundCommand.Predict predict -> {
                JobSubmitted submitted = ml().predict(predict.request());
                jobId = submitted.jobId();
                artifactId = submitted.artifactId();
            }
            case InboundCommand.ExecuteTask execute -> {
                TaskExecutionAccepted accepted = tasks.orElseThrow(() -> unavailable("$execute", "no tasks"))
                        .execute(execute.task(), execute.params(), ExecutionOrigin.direct());
                jobId = accepted.jobId();
                artifactId = accepted.artifactId();
                task = execute.task();
            }
        }
        messages.submitted(channel, messageId, jobId);
        events.publish(new CommandAccepted(messageId, channel, command.name(), task, jobId, artifactId));
        return new CommandOutcome.Accepted(command.name(), jobId, artifactId);
    }

    private MlManager ml() {
        return ml.orElseThrow(() -> unavailable("$train and $predict", "no model runner"));
    }

    private static ChapkitException unavailable(String commands, String why) {
        return new ChapkitException(ProblemType.NOT_FOUND, commands + " are not served here: the service has " + why);
    }

    /** Reads a message as the REST API reads the request: the same mapper, the same problem text when it cannot. */
    private InboundCommand read(byte[] body) {
        JsonNode message;
        try {
            message = mapper.readTree(body);
        } catch (JacksonException ex) {
            throw unreadable(ex);
        }
        if (message == null || !message.isObject()) {
            throw new ChapkitException(ProblemType.BAD_REQUEST, "A command message is a JSON object");
        }
        String name = message.path("command").asString(null);
        JsonNode request = message.get("body");
        try {
            return switch (name == null ? "" : name) {
                case "$train" -> new InboundCommand.Train(mapper.treeToValue(required(request), TrainRequest.class));
                case "$predict" ->
                    new InboundCommand.Predict(mapper.treeToValue(required(request), PredictRequest.class));
                case "$execute" -> {
                    String task = message.path("task").asString(null);
                    if (task == null || task.isBlank()) {
                        throw new ChapkitException(ProblemType.BAD_REQUEST, "An $execute command names its task");
                    }
                    ExecuteTaskRequest execute = request == null || request.isNull()
                            ? null
                            : mapper.treeToValue(request, ExecuteTaskRequest.class);
                    yield new InboundCommand.ExecuteTask(task, execute == null ? null : execute.params());
                }
                default ->
                    throw new ChapkitException(
                            ProblemType.BAD_REQUEST,
                            "Unknown command '" + name + "': expected $train, $predict or $execute");
            };
        } catch (JacksonException ex) {
            throw unreadable(ex);
        }
    }

    private static JsonNode required(JsonNode request) {
        if (request == null || request.isNull()) {
            throw new ChapkitException(ProblemType.BAD_REQUEST, "Request body is required");
        }
        return request;
    }

    private static ChapkitException unreadable(JacksonException ex) {
        HttpMessageNotReadableException notReadable =
                new HttpMessageNotReadableException(ex.getOriginalMessage(), ex, EMPTY_MESSAGE);
        return new ChapkitException(ProblemType.BAD_REQUEST, RequestBodyProblems.describe(notReadable), ex)
                .withFieldErrors(List.of(RequestBodyProblems.fieldError(notReadable)));
    }

    private CommandRejection rejection(String messageId, ChapkitException ex) {
        ProblemDetail problem = ex.getBody();
        Object errors =
                problem.getProperties() == null ? null : problem.getProperties().get("errors");
        List<Object> fields = null;
        if (errors != null) {
            fields = List.of(mapper.convertValue(errors, Object[].class));
        }
        return new CommandRejection(
                messageId,
                problem.getType().toString(),
                problem.getTitle(),
                problem.getStatus(),
                problem.getDetail(),
                fields);
    }

    private static final HttpInputMessage EMPTY_MESSAGE = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }
    };
}

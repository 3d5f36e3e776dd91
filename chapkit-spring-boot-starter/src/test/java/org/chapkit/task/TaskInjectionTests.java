package org.chapkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chapkit.id.Ulids;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.task.internal.TaskDefinitionFactory;
import org.chapkit.task.internal.TaskParameterBinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The injection SPI as the job system will use it: a resolver that reads its own {@code config_id} param and
 * checks it before any job exists, and a per-run context value (the job context).
 */
class TaskInjectionTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final TaskDefinitionFactory factory = new TaskDefinitionFactory(
            List.of(new ConfigResolver(), new InvocationContextParameterResolver(Set.of(JobContext.class))));
    private final TaskParameterBinder binder = new TaskParameterBinder(MAPPER, VALIDATION.getValidator());
    private final TaskDefinition train = task("train");

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void injectedParametersAreResolvedPerRunAndBoundOnesFromJson() {
        String configId = Ulids.newUlid();
        BoundTaskParams bound =
                binder.bind(train, MAPPER.readTree("{\"config_id\":\"" + configId + "\",\"epochs\":3}"));
        JobContext context = new JobContext("job-1");

        Object result = new TaskInvoker()
                .invoke(
                        bound,
                        new TaskInvocation("train", "job-1", null, bound.params(), Map.of(JobContext.class, context)));

        assertThat(result).isEqualTo("config " + configId + " for 3 epochs in job-1");
        assertThat(train.parameters())
                .extracting(TaskParameter::name, TaskParameter::injected, TaskParameter::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("config", true, false),
                        org.assertj.core.groups.Tuple.tuple("context", true, false),
                        org.assertj.core.groups.Tuple.tuple("epochs", false, true));
    }

    @Test
    void resolversCheckTheirOwnParamsBeforeAnyJobExists() {
        ValidationFailedException missing = catchThrowableOfType(
                ValidationFailedException.class, () -> binder.bind(train, MAPPER.readTree("{\"epochs\":0}")));
        assertThat(missing.fieldErrors())
                .containsExactly(
                        new FieldError("params.config_id", "is required"),
                        new FieldError("params.epochs", "must be greater than or equal to 1"));

        ValidationFailedException bad = catchThrowableOfType(
                ValidationFailedException.class,
                () -> binder.bind(train, MAPPER.readTree("{\"config_id\":\"nope\",\"epochs\":1,\"lr\":0.1}")));
        assertThat(bad.fieldErrors())
                .containsExactly(
                        new FieldError("params.config_id", "must be a ULID"),
                        new FieldError("params.lr", "unknown parameter; task 'train' takes config_id, epochs"));
    }

    @Test
    void theSchemaMarksInjectedParametersAndARunWithoutTheContextFails() {
        ObjectNode schema = new TaskParameterSchemas(MAPPER).schemaOf(train);
        assertThat(schema.get("properties").get("config").get("x-injected").asBoolean())
                .isTrue();
        assertThat(schema.get("properties").get("context").get("x-java-type").asString())
                .isEqualTo(JobContext.class.getName());
        assertThat(schema.get("required").toString()).isEqualTo("[\"epochs\"]");

        BoundTaskParams bound =
                binder.bind(train, MAPPER.readTree("{\"config_id\":\"" + Ulids.newUlid() + "\",\"epochs\":1}"));
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> new TaskInvoker()
                        .invoke(bound, new TaskInvocation("train", null, null, bound.params(), Map.of())))
                .withMessageContaining("offered no " + JobContext.class.getName() + " for parameter 'context'");
    }

    private TaskDefinition task(String methodName) {
        for (Method method : Trainer.class.getMethods()) {
            if (method.getName().equals(methodName)) {
                return factory.create(new Trainer(), method, method.getAnnotation(Task.class));
            }
        }
        throw new IllegalArgumentException(methodName);
    }

    /** Stands in for the job context of the job system. */
    record JobContext(String jobId) {}

    /** Stands in for the user's config type, loaded from {@code config_id}. */
    record ModelConfig(String id) {}

    /** Stands in for the config resolver of the config feature. */
    static final class ConfigResolver implements TaskParameterResolver {

        @Override
        public boolean supports(Parameter parameter) {
            return parameter.getType() == ModelConfig.class;
        }

        @Override
        public Set<String> claimedParams(Parameter parameter) {
            return Set.of("config_id");
        }

        @Override
        public void check(Parameter parameter, ObjectNode params, List<FieldError> errors) {
            if (!params.hasNonNull("config_id")) {
                errors.add(new FieldError("params.config_id", "is required"));
            } else if (!Ulids.isValid(params.get("config_id").asString())) {
                errors.add(new FieldError("params.config_id", "must be a ULID"));
            }
        }

        @Override
        public Object resolve(Parameter parameter, TaskInvocation invocation) {
            return new ModelConfig(invocation.params().get("config_id").asString());
        }
    }

    /** A task using both kinds of injection. */
    public static class Trainer {

        @Task(name = "train")
        public String train(ModelConfig config, JobContext context, @Min(1) int epochs) {
            return "config " + config.id() + " for " + epochs + " epochs in " + context.jobId();
        }
    }
}

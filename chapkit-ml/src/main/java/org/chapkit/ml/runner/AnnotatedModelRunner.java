package org.chapkit.ml.runner;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.runner.InjectionPoint.Phase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adapts any object with {@link Train @Train} and {@link Predict @Predict} methods (and optionally
 * {@link ValidateTrain @ValidateTrain} / {@link ValidatePredict @ValidatePredict}) to a {@link ModelRunner}.
 *
 * <p>Parameters are injected by type, in any order:
 *
 * <ul>
 *   <li>the config type (or a supertype other than {@code Object});
 *   <li>a Tablesaw {@code Table} (with {@code tech.tablesaw:tablesaw-core} on the class path) or a {@link DataFrame}: in train methods the training data; in predict methods
 *       the history or the future, told apart by {@link Historic @Historic} / {@link Future @Future} or by the
 *       parameter name {@code historic} / {@code future};
 *   <li>{@link FeatureCollection} (the optional geo, may be {@code null});
 *   <li>in {@code @Predict}, the model (the {@code @Train} method's return type);
 *   <li>{@link RunContext} and {@link Cancellation};
 *   <li>anything an {@link InjectionResolver} supplies.
 * </ul>
 *
 * A parameter that none of these matches makes {@link #of} fail with a {@link RunnerDefinitionException} naming the
 * method and the parameter, so a broken bean is caught at start-up rather than on the first job. The model is
 * stored as JSON by default ({@code byte[]} models as raw bytes).
 *
 * @param <C> the config type
 */
public final class AnnotatedModelRunner<C> implements ModelRunner<C, Object> {

    private final Object bean;
    private final Class<C> configType;
    private final ModelCodec<Object> codec;
    private final Invoker train;
    private final Invoker predict;
    private final Invoker validateTrain;
    private final Invoker validatePredict;

    private AnnotatedModelRunner(
            Object bean,
            Class<C> configType,
            ModelCodec<Object> codec,
            Invoker train,
            Invoker predict,
            Invoker validateTrain,
            Invoker validatePredict) {
        this.bean = bean;
        this.configType = configType;
        this.codec = codec;
        this.train = train;
        this.predict = predict;
        this.validateTrain = validateTrain;
        this.validatePredict = validatePredict;
    }

    /**
     * Adapts a bean with the default JSON model codec and no extra resolvers.
     *
     * @param bean the object with annotated methods
     * @param configType the config class
     * @param <C> the config type
     * @return the runner
     * @throws RunnerDefinitionException when the bean's methods cannot be used
     */
    public static <C> AnnotatedModelRunner<C> of(Object bean, Class<C> configType) {
        return of(bean, configType, null, List.of());
    }

    /**
     * Adapts a bean.
     *
     * @param bean the object with annotated methods
     * @param configType the config class
     * @param codec the model codec, or {@code null} for JSON of the {@code @Train} return type
     * @param resolvers extra parameter resolvers, asked in order after the built-ins
     * @param <C> the config type
     * @return the runner
     * @throws RunnerDefinitionException when the bean's methods cannot be used
     */
    @SuppressWarnings("unchecked")
    public static <C> AnnotatedModelRunner<C> of(
            Object bean, Class<C> configType, ModelCodec<?> codec, List<InjectionResolver> resolvers) {
        Class<?> beanType = bean.getClass();
        Method trainMethod = findOne(beanType, Train.class, true);
        Method predictMethod = findOne(beanType, Predict.class, true);
        Method validateTrainMethod = findOne(beanType, ValidateTrain.class, false);
        Method validatePredictMethod = findOne(beanType, ValidatePredict.class, false);

        Class<?> modelType = trainMethod.getReturnType();
        if (modelType == void.class) {
            throw new RunnerDefinitionException(describe(trainMethod) + " must return the trained model");
        }
        Type genericModelType = trainMethod.getGenericReturnType();
        ModelCodec<?> modelCodec = codec != null
                ? codec
                : modelType == byte[].class
                        ? ModelCodec.bytes("application/octet-stream")
                        : ModelCodec.json(JsonMapper.builder().build(), genericModelType);
        Class<?> predictReturn = predictMethod.getReturnType();
        if (!TablesawTables.isTable(predictReturn) && predictReturn != DataFrame.class) {
            throw new RunnerDefinitionException(describe(predictMethod) + " must return a Table or a DataFrame, not "
                    + predictReturn.getSimpleName());
        }
        for (Method hook : Arrays.asList(validateTrainMethod, validatePredictMethod)) {
            if (hook != null && !List.class.isAssignableFrom(hook.getReturnType())) {
                throw new RunnerDefinitionException(describe(hook) + " must return List<ValidationDiagnostic>");
            }
        }
        Binder binder = new Binder(configType, modelType, List.copyOf(resolvers));
        return new AnnotatedModelRunner<>(
                bean,
                configType,
                (ModelCodec<Object>) modelCodec,
                binder.bind(trainMethod, Phase.TRAIN),
                binder.bind(predictMethod, Phase.PREDICT),
                validateTrainMethod == null ? null : binder.bind(validateTrainMethod, Phase.VALIDATE_TRAIN),
                validatePredictMethod == null ? null : binder.bind(validatePredictMethod, Phase.VALIDATE_PREDICT));
    }

    @Override
    public Class<C> configType() {
        return configType;
    }

    @Override
    public ModelCodec<Object> modelCodec() {
        return codec;
    }

    @Override
    public TrainResult<Object> train(TrainInput<C> input, RunContext context) throws Exception {
        Object model =
                train.invoke(bean, new Call(input.config(), input.data(), null, null, input.geo(), null, context));
        if (model == null) {
            throw new IllegalStateException(describe(train.method()) + " returned null instead of a model");
        }
        return TrainResult.of(model);
    }

    @Override
    public PredictResult predict(PredictInput<C, Object> input, RunContext context) throws Exception {
        Object result = predict.invoke(
                bean,
                new Call(input.config(), null, input.historic(), input.future(), input.geo(), input.model(), context));
        return switch (result) {
            case DataFrame frame -> PredictResult.of(frame);
            case null -> throw new IllegalStateException(describe(predict.method()) + " returned null");
            default -> {
                if (!TablesawTables.isTable(result.getClass())) {
                    throw new IllegalStateException(describe(predict.method()) + " returned " + result.getClass());
                }
                yield PredictResult.of(TablesawTables.toFrame(result));
            }
        };
    }

    @Override
    public List<ValidationDiagnostic> validateTrain(TrainInput<C> input) {
        if (validateTrain == null) {
            return List.of();
        }
        return diagnostics(
                validateTrain,
                new Call(input.config(), input.data(), null, null, input.geo(), null, RunContext.none()));
    }

    @Override
    public List<ValidationDiagnostic> validatePredict(PredictValidationInput<C> input) {
        if (validatePredict == null) {
            return List.of();
        }
        return diagnostics(
                validatePredict,
                new Call(input.config(), null, input.historic(), input.future(), input.geo(), null, RunContext.none()));
    }

    private List<ValidationDiagnostic> diagnostics(Invoker invoker, Call call) {
        Object result;
        try {
            result = invoker.invoke(bean, call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(describe(invoker.method()) + " failed", e);
        }
        List<ValidationDiagnostic> diagnostics = new ArrayList<>();
        for (Object item : result == null ? List.of() : (List<?>) result) {
            if (!(item instanceof ValidationDiagnostic diagnostic)) {
                throw new IllegalStateException(describe(invoker.method()) + " returned a non-diagnostic " + item);
            }
            diagnostics.add(diagnostic);
        }
        return List.copyOf(diagnostics);
    }

    private static Method findOne(Class<?> beanType, Class<? extends Annotation> annotation, boolean required) {
        List<Method> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> type = beanType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                String signature = method.getName() + Arrays.toString(method.getParameterTypes());
                if (method.isAnnotationPresent(annotation) && !method.isBridge() && seen.add(signature)) {
                    found.add(method);
                }
            }
        }
        if (found.size() > 1) {
            throw new RunnerDefinitionException(beanType.getName() + " has more than one @" + annotation.getSimpleName()
                    + " method: " + found.stream().map(Method::getName).toList());
        }
        if (found.isEmpty()) {
            if (required) {
                throw new RunnerDefinitionException(
                        beanType.getName() + " has no @" + annotation.getSimpleName() + " method");
            }
            return null;
        }
        Method method = found.getFirst();
        method.setAccessible(true);
        return method;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** The values available to one call. */
    private record Call(
            Object config,
            DataFrame data,
            DataFrame historic,
            DataFrame future,
            FeatureCollection geo,
            Object model,
            RunContext context) {}

    /** A method with one value supplier per parameter. */
    private record Invoker(Method method, List<Function<Call, Object>> arguments) {

        Object invoke(Object target, Call call) throws Exception {
            Object[] args = new Object[arguments.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = arguments.get(i).apply(call);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** Works out, once, where each parameter's value comes from. */
    private record Binder(Class<?> configType, Class<?> modelType, List<InjectionResolver> resolvers) {

        Invoker bind(Method method, Phase phase) {
            List<Function<Call, Object>> arguments = new ArrayList<>();
            boolean dataBound = false;
            for (Parameter parameter : method.getParameters()) {
                InjectionPoint point = new InjectionPoint(method, parameter, phase);
                Function<Call, Object> argument = builtIn(point);
                if (argument == null) {
                    argument = fromResolvers(point);
                }
                if (argument == null) {
                    throw new RunnerDefinitionException("Cannot inject " + point.describe() + ": it is not the config ("
                            + configType.getSimpleName() + "), a Table/DataFrame, FeatureCollection, "
                            + (phase == Phase.PREDICT ? "the model (" + modelType.getSimpleName() + "), " : "")
                            + "RunContext or Cancellation, and no InjectionResolver supplies it");
                }
                if (isFrame(parameter.getType()) && (phase == Phase.TRAIN || phase == Phase.VALIDATE_TRAIN)) {
                    if (dataBound) {
                        throw new RunnerDefinitionException(
                                "Cannot inject " + point.describe() + ": a train method takes only one data table");
                    }
                    dataBound = true;
                }
                arguments.add(argument);
            }
            return new Invoker(method, List.copyOf(arguments));
        }

        private Function<Call, Object> builtIn(InjectionPoint point) {
            Parameter parameter = point.parameter();
            Class<?> type = parameter.getType();
            boolean historic = parameter.isAnnotationPresent(Historic.class);
            boolean future = parameter.isAnnotationPresent(Future.class);
            if ((historic || future) && !isFrame(type)) {
                throw new RunnerDefinitionException(
                        "Cannot inject " + point.describe() + ": @Historic/@Future need a Table or DataFrame");
            }
            if (isFrame(type)) {
                return frame(point, historic, future);
            }
            if (type == FeatureCollection.class) {
                return Call::geo;
            }
            if (type == RunContext.class) {
                return Call::context;
            }
            if (type == Cancellation.class) {
                return call -> call.context().cancellation();
            }
            if (type == configType || (type != Object.class && type.isAssignableFrom(configType))) {
                return Call::config;
            }
            if (point.phase() == Phase.PREDICT
                    && (type == modelType || (type != Object.class && type.isAssignableFrom(modelType)))) {
                return Call::model;
            }
            return null;
        }

        private Function<Call, Object> frame(InjectionPoint point, boolean historic, boolean future) {
            Phase phase = point.phase();
            String name = point.parameter().getName();
            boolean asTable = TablesawTables.isTable(point.parameter().getType());
            if (phase == Phase.TRAIN || phase == Phase.VALIDATE_TRAIN) {
                if (historic || future) {
                    throw new RunnerDefinitionException(
                            "Cannot inject " + point.describe() + ": train methods receive the training data only");
                }
                return asTable ? call -> TablesawFrames.toTable(call.data(), "data") : Call::data;
            }
            if (historic && future) {
                throw new RunnerDefinitionException(
                        "Cannot inject " + point.describe() + ": it is annotated both @Historic and @Future");
            }
            if (historic || (!future && name.equals("historic"))) {
                return asTable ? call -> TablesawFrames.toTable(call.historic(), "historic") : Call::historic;
            }
            if (future || name.equals("future")) {
                return asTable ? call -> TablesawFrames.toTable(call.future(), "future") : Call::future;
            }
            throw new RunnerDefinitionException("Cannot inject " + point.describe()
                    + ": annotate it @Historic or @Future, or name it 'historic' or 'future'"
                    + " (parameter names need compilation with -parameters)");
        }

        private Function<Call, Object> fromResolvers(InjectionPoint point) {
            for (InjectionResolver resolver : resolvers) {
                Optional<InjectionResolver.Injection> injection = resolver.resolve(point);
                if (injection.isPresent()) {
                    InjectionResolver.Injection found = injection.get();
                    return call -> found.value(call.context());
                }
            }
            return null;
        }

        private static boolean isFrame(Class<?> type) {
            return type == DataFrame.class || TablesawTables.isTable(type);
        }
    }
}

package org.chapkit.ml.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chapkit.ml.data.DataFrame;
import org.junit.jupiter.api.Test;

/**
 * Tablesaw is optional: DataFrame runners, functional and annotated, train and predict in a class loader that has
 * chapkit-ml's class path without the Tablesaw jars.
 */
class WithoutTablesawTests {

    @Test
    void tablesawIsReallyMissingInThatClassLoader() throws Exception {
        try (URLClassLoader loader = withoutTablesaw()) {
            assertThatThrownBy(() -> loader.loadClass("tech.tablesaw.api.Table"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void functionalAndAnnotatedDataFrameRunnersRunWithoutTablesaw() throws Exception {
        try (URLClassLoader loader = withoutTablesaw()) {
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) loader.loadClass(DataFrameRuns.class.getName())
                    .getDeclaredConstructor()
                    .newInstance();

            assertThat(run.call()).isEqualTo("functional [[2.0]] annotated [[2.0]]");
        }
    }

    private static URLClassLoader withoutTablesaw() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.contains("tablesaw")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Runs in the Tablesaw-free class loader: one functional and one annotated runner on DataFrames. */
    public static final class DataFrameRuns implements Callable<String> {

        record Config(int periods) {}

        record Mean(double value) {}

        static final DataFrame DATA = DataFrame.of(List.of("y"), List.of(DataFrame.row(1.0), DataFrame.row(3.0)));

        /** An annotated runner on DataFrames only. */
        public static final class MeanBean {

            /** Trains. */
            @Train
            public Mean fit(DataFrame data) {
                return new Mean(data.rows().stream()
                        .mapToDouble(row -> ((Number) row.get(0)).doubleValue())
                        .average()
                        .orElse(0));
            }

            /** Predicts. */
            @Predict
            public DataFrame forecast(Mean model, DataFrame future) {
                return DataFrame.of(List.of("sample_0"), List.of(DataFrame.row(model.value())));
            }
        }

        @Override
        public String call() throws Exception {
            ModelRunner<Config, Mean> functional = FunctionalModelRunner.builder(Config.class, Mean.class)
                    .train((input, context) -> new MeanBean().fit(input.data()))
                    .predictFrame((input, context) -> new MeanBean().forecast(input.model(), input.future()))
                    .build();
            Config config = new Config(1);
            Mean mean = functional
                    .train(new TrainInput<>(config, DATA, null), RunContext.none())
                    .model();
            DataFrame byFunction = functional
                    .predict(new PredictInput<>(config, mean, DATA, DATA, null), RunContext.none())
                    .predictions();

            AnnotatedModelRunner<Config> annotated = AnnotatedModelRunner.of(new MeanBean(), Config.class);
            Object model = annotated
                    .train(new TrainInput<>(config, DATA, null), RunContext.none())
                    .model();
            DataFrame byAnnotations = annotated
                    .predict(new PredictInput<>(config, model, DATA, DATA, null), RunContext.none())
                    .predictions();
            return "functional " + byFunction.rows() + " annotated " + byAnnotations.rows();
        }
    }
}

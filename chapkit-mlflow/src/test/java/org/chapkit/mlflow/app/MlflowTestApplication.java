package org.chapkit.mlflow.app;

import java.util.List;
import java.util.Set;
import org.chapkit.config.DefaultConfig;
import org.chapkit.job.JobContext;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A chapkit service whose model is the mean of {@code disease_cases}, trained in three logged steps (metric {@code
 * loss} at steps 0, 1 and 2, param {@code runner=mean}). A training on exactly three locations fails, so a test can
 * make a failed training with ordinary data.
 */
@SpringBootApplication
public class MlflowTestApplication {

    /** The trained model: a mean. */
    public record Mean(double value) {}

    /** The number of locations whose training fails. */
    public static final int FAILING_LOCATIONS = 3;

    @Bean
    ModelRunner<DefaultConfig, Mean> meanRunner() {
        return FunctionalModelRunner.builder(DefaultConfig.class, Mean.class)
                .train((input, context) -> {
                    JobContext job = context.attribute(JobContext.class).orElseThrow();
                    job.runLog().param("runner", "mean");
                    if (Set.copyOf(input.data().column("location")).size() == FAILING_LOCATIONS) {
                        throw new IllegalArgumentException("this model does not train on three locations");
                    }
                    List<Object> cases = input.data().column("disease_cases");
                    double mean = cases.stream()
                            .mapToDouble(cell -> Double.parseDouble(String.valueOf(cell)))
                            .average()
                            .orElse(0);
                    for (int step = 0; step < 3; step++) {
                        job.runLog().metric("loss", 1.0 / (step + 1), step);
                    }
                    return new Mean(mean);
                })
                .predictFrame(
                        (input, context) -> DataFrame.of(List.of("time_period", "location", "sample_0"), List.of()))
                .build();
    }
}

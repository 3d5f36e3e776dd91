package __PACKAGE__;

import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model runner as two functions: train and predict. */
@Configuration(proxyBeanMethods = false)
public class ModelRunnerConfiguration {

    @Bean
    ModelRunner<ModelConfig, Means> modelRunner() {
        return FunctionalModelRunner.builder(ModelConfig.class, Means.class)
                .train((input, context) -> Means.of(input.data()))
                .predictFrame((input, context) -> input.model().predict(input.future(), input.config().samples()))
                .build();
    }
}

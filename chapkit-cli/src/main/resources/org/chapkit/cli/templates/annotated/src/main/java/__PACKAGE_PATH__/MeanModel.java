package __PACKAGE__;

import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.Future;
import org.chapkit.ml.runner.Historic;
import org.chapkit.ml.runner.Predict;
import org.chapkit.ml.runner.Train;
import org.springframework.stereotype.Component;

/** The model runner: chapkit calls {@code @Train} for {@code $train} and {@code @Predict} for {@code $predict}. */
@Component
public class MeanModel {

    /** Fits the model; parameters are injected by type (config, data, JobContext, ArtifactManager, …). */
    @Train
    public Means train(ModelConfig config, DataFrame data) {
        return Means.of(data);
    }

    /** Predicts {@code config.samples()} samples per future row. */
    @Predict
    public DataFrame predict(ModelConfig config, Means model, @Historic DataFrame historic, @Future DataFrame future) {
        return model.predict(future, config.samples());
    }
}

package org.chapkit.autoconfigure.ml;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the file uploads of {@code $train} and {@code $predict} beside their JSON bodies: springdoc keeps only one
 * request body per path and method, so the {@code multipart/form-data} parts (and {@code $train}'s bare CSV, Parquet
 * and JSON Lines bodies) are added to it here.
 */
final class MlUploadOpenApiCustomizer implements OpenApiCustomizer {

    private static final String FILE = "text/csv, application/vnd.apache.parquet, application/json or"
            + " application/jsonl (gzip allowed); picked by the part's Content-Type, else its file name";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Operation train = post(openApi.getPaths().get("/api/v1/ml/$train"));
        if (train != null) {
            Content content = content(train);
            content.addMediaType(
                    "multipart/form-data",
                    multipart("The JSON body without data: config_id, geo?, run_info?", List.of("data")));
            content.addMediaType("text/csv", new MediaType().schema(new StringSchema()));
            content.addMediaType("application/vnd.apache.parquet", new MediaType().schema(new BinarySchema()));
            content.addMediaType("application/jsonl", new MediaType().schema(new StringSchema()));
        }
        Operation predict = post(openApi.getPaths().get("/api/v1/ml/$predict"));
        if (predict != null) {
            content(predict)
                    .addMediaType(
                            "multipart/form-data",
                            multipart(
                                    "The JSON body without frames: artifact_id, geo?, run_info?",
                                    List.of("historic", "future")));
        }
    }

    private static Operation post(PathItem path) {
        return path == null ? null : path.getPost();
    }

    private static Content content(Operation operation) {
        if (operation.getRequestBody() == null) {
            operation.setRequestBody(new RequestBody());
        }
        if (operation.getRequestBody().getContent() == null) {
            operation.getRequestBody().setContent(new Content());
        }
        return operation.getRequestBody().getContent();
    }

    private static MediaType multipart(String requestDescription, List<String> frames) {
        Schema<Object> form = new ObjectSchema();
        form.addProperty("request", new ObjectSchema().description(requestDescription));
        for (String frame : frames) {
            form.addProperty(frame, new BinarySchema().description(FILE));
        }
        form.addProperty("geo", new BinarySchema().description("GeoJSON FeatureCollection (optional)"));
        form.setRequired(frames);
        return new MediaType().schema(form);
    }
}

package org.chapkit.client.geo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A GeoJSON {@code FeatureCollection}, the optional {@code geo} of train and predict requests.
 *
 * @param type always {@code FeatureCollection}
 * @param features the features, one per location
 * @param bbox optional bounding box {@code [west, south, east, north]}, omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCollection(String type, List<Feature> features, List<Double> bbox) {

    /** Defaults the type and normalises missing features to an empty list. */
    public FeatureCollection {
        type = type == null ? "FeatureCollection" : type;
        features = features == null ? List.of() : List.copyOf(features);
    }
}

package org.chapkit.ml.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chapkit.ml.data.PythonValues;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a config as {@code config.yml} the way chapkit does ({@code yaml.safe_dump(config.model_dump(by_alias=True),
 * indent=2)}): JSON property names, sorted keys, block style, two-space indent.
 */
final class ConfigYaml {

    private static final List<String> CHAP_CORE_TOP_LEVEL =
            List.of("prediction_periods", "additional_continuous_covariates");

    private final JsonMapper mapper;
    private final Yaml yaml;

    ConfigYaml(JsonMapper mapper) {
        this.mapper = mapper;
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        this.yaml = new Yaml(new PyYamlRepresenter(options), options);
    }

    String write(Object config, ConfigFormat format) {
        Map<String, Object> fields = mapper.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {});
        Map<String, Object> document = fields;
        if (format == ConfigFormat.CHAP_CORE) {
            Map<String, Object> userOptions = new LinkedHashMap<>(fields);
            document = new LinkedHashMap<>();
            for (String key : CHAP_CORE_TOP_LEVEL) {
                if (userOptions.containsKey(key)) {
                    document.put(key, userOptions.remove(key));
                }
            }
            document.put("user_option_values", userOptions);
        }
        return yaml.dump(sorted(document));
    }

    /** Sorts map keys recursively (PyYAML's {@code sort_keys=True}) into insertion-ordered maps. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> byKey = new TreeMap<>();
            map.forEach((k, v) -> byKey.put(String.valueOf(k), sorted(v)));
            return new LinkedHashMap<>(byKey);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return value;
    }

    /**
     * Writes floats as PyYAML does ({@code repr(x).lower()} with {@code .0} added before an exponent, {@code .inf},
     * {@code .nan}); SnakeYAML's {@code 1.0E10} would be read back as a string by PyYAML.
     */
    private static final class PyYamlRepresenter extends Representer {

        PyYamlRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(Double.class, data -> representScalar(Tag.FLOAT, pyYamlFloat((Double) data)));
            this.representers.put(
                    Float.class, data -> representScalar(Tag.FLOAT, pyYamlFloat(((Float) data).doubleValue())));
        }

        private static String pyYamlFloat(double value) {
            if (Double.isNaN(value)) {
                return ".nan";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? ".inf" : "-.inf";
            }
            String repr = PythonValues.repr(value).toLowerCase(java.util.Locale.ROOT);
            return !repr.contains(".") && repr.contains("e") ? repr.replace("e", ".0e") : repr;
        }
    }
}

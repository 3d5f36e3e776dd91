package org.chapkit.ml.service;

import java.util.Map;
import java.util.Optional;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.job.RunLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the workflow logs in a training's run log before the runner starts: the config's data as parameters (nested
 * objects as dotted names, arrays and scalars as their JSON text) and the tags {@value #CONFIG_ID_TAG} and
 * {@value #CONFIG_VERSION_TAG}. The runner's own entries come after and win for the same name.
 */
final class RunLogParams {

    /** The tag naming the training's config. */
    static final String CONFIG_ID_TAG = "chapkit.config_id";

    /** The tag holding the config's version the training used. */
    static final String CONFIG_VERSION_TAG = "chapkit.config_version";

    private static final Logger log = LoggerFactory.getLogger(RunLogParams.class);

    private RunLogParams() {}

    static void logTraining(RunLog runLog, Config<? extends BaseConfig> config, Optional<ObjectNode> data) {
        runLog.tag(CONFIG_ID_TAG, config.id());
        runLog.tag(CONFIG_VERSION_TAG, Long.toString(config.version()));
        data.ifPresent(node -> flatten("", node, runLog));
    }

    private static void flatten(String prefix, JsonNode node, RunLog runLog) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + safe(field.getKey());
            JsonNode value = field.getValue();
            if (value.isObject() && !value.isEmpty()) {
                flatten(name + ".", value, runLog);
            } else if (name.length() <= RunLog.MAX_NAME_LENGTH) {
                String text = value.isString() ? value.asString() : value.toString();
                if (text.length() > RunLog.MAX_PARAM_LENGTH) {
                    log.debug("Config value {} is longer than a run log parameter; it is cut", name);
                    text = text.substring(0, RunLog.MAX_PARAM_LENGTH);
                }
                runLog.param(name, text);
            }
        }
    }

    /** A config key as a run log name: characters MLflow does not allow in names become {@code _}. */
    private static String safe(String key) {
        String name = key.replaceAll("[^A-Za-z0-9_\\-./ ]", "_");
        return name.isEmpty() ? "_" : name;
    }
}

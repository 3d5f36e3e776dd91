package org.chapkit.system.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.chapkit.apps.AppInfo;
import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.schema.JsonSchemaGenerator;
import org.chapkit.system.SystemInfo;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Serves runtime facts about this service instance and the static apps it hosts. */
@RestController
@RequestMapping(path = "/api/v1/system", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service")
public class SystemController {

    /** pydantic's {@code TypeAdapter(list[AppInfo]).json_schema()}, generated from {@link AppInfo}. */
    private static final ObjectNode APPS_SCHEMA =
            new JsonSchemaGenerator(JsonMapper.builder().build()).listSchema(AppInfo.class);

    private final Clock clock;
    private final StaticAppRegistry apps;
    private final String hostname = resolveHostname();
    private final String platform = System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-"
            + System.getProperty("os.arch");

    public SystemController(Clock clock, StaticAppRegistry apps) {
        this.clock = clock;
        this.apps = apps;
    }

    /** Current time, time zone, runtime, platform and host name. */
    @GetMapping
    @Operation(summary = "System information")
    public SystemInfo system() {
        return new SystemInfo(
                Instant.now(clock), ZoneId.systemDefault().getId(), "Java " + Runtime.version(), platform, hostname);
    }

    /** The static apps mounted by this service. */
    @GetMapping("/apps")
    @Operation(summary = "List hosted static apps")
    public List<AppInfo> apps() {
        return apps.appInfos();
    }

    /** JSON Schema of the {@code /apps} response. */
    @GetMapping("/apps/$schema")
    @Operation(summary = "JSON Schema of the app list")
    public ObjectNode appsSchema() {
        return APPS_SCHEMA.deepCopy();
    }

    private static String resolveHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }
}

package org.chapkit.autoconfigure.info;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chapkit.contract.ChapkitVersion;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.info.ServiceInfo;
import org.chapkit.info.internal.InfoController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;

/**
 * Serves {@code GET /api/v1/info}. The {@link ServiceInfo} comes from {@code chapkit.service.*}, or from a
 * {@code ServiceInfo} bean of the application's own; in contract generation 2 it carries chapkit 2.x's keys, its
 * {@code git_revision} taken from Spring Boot's {@code git.properties} when present. This bean is the one source of
 * the info document (also what registration sends). Switch off with {@code chapkit.info.enabled=false}.
 * Actuator's {@code /actuator/info} (when exposed) gets a {@code chapkit} section: service id, display name and
 * version, contract generation and chapkit's version; Spring Boot adds {@code build} and {@code git} from
 * {@code META-INF/build-info.properties} and {@code git.properties} when present.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ChapkitServiceProperties.class, ChapkitInfoProperties.class})
public final class ServiceInfoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceInfo chapkitServiceInfo(
            ChapkitServiceProperties properties,
            ObjectProvider<ContractGeneration> contract,
            ObjectProvider<GitProperties> git) {
        try {
            if (contract.getIfAvailable(() -> ContractGeneration.DEFAULT).infoHasGeneration2Fields()) {
                GitProperties gitProperties = git.getIfAvailable();
                return properties.toServiceInfo(
                        gitProperties == null ? null : gitProperties.getCommitId(), ChapkitVersion.current());
            }
            return properties.toServiceInfo();
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Invalid chapkit.service configuration: " + ex.getMessage(), ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "chapkit.info.enabled", matchIfMissing = true)
    InfoController chapkitInfoController(ServiceInfo info) {
        return new InfoController(info);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitInfoContributor")
    InfoContributor chapkitInfoContributor(ServiceInfo info, ObjectProvider<ContractGeneration> contract) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", info.id());
        service.put("display_name", info.displayName());
        service.put("version", info.version());
        Map<String, Object> chapkit = new LinkedHashMap<>();
        chapkit.put("service", service);
        chapkit.put(
                "contract_generation",
                contract.getIfAvailable(() -> ContractGeneration.DEFAULT).number());
        chapkit.put("version", ChapkitVersion.current());
        return builder -> builder.withDetail("chapkit", chapkit);
    }
}

package org.chapkit.autoconfigure.info;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.chapkit.info.AssessedStatus;
import org.chapkit.info.ModelMetadata;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity of the service as served by {@code GET /api/v1/info}. Invalid values stop the application at start-up
 * with a message naming the property.
 *
 * @param id slug identifier ({@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}); chap-core uses it as the model name
 * @param displayName human-readable name
 * @param version service version
 * @param description optional description
 * @param periodType period granularity of the model
 * @param minPredictionPeriods inclusive lower bound for a config's {@code prediction_periods}
 * @param maxPredictionPeriods inclusive upper bound for a config's {@code prediction_periods}
 * @param allowFreeAdditionalContinuousCovariates whether configs may name covariates beyond the required ones
 * @param requiredCovariates covariate columns every training frame must have
 * @param requiresGeo whether train and predict need a GeoJSON feature collection
 * @param modelMetadata authorship and links
 */
@ConfigurationProperties("chapkit.service")
@Validated
public record ChapkitServiceProperties(
        @DefaultValue("chapkit-service")
        @NotBlank
        @Pattern(regexp = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", message = "must be a lower-case slug such as 'my-model'")
        String id,

        @DefaultValue("Chapkit Service") @NotBlank String displayName,
        @DefaultValue("0.1.0") @NotBlank String version,
        String description,
        @DefaultValue("monthly") PeriodType periodType,
        @DefaultValue("0") @Min(0) int minPredictionPeriods,
        @DefaultValue("100") @Min(0) int maxPredictionPeriods,
        boolean allowFreeAdditionalContinuousCovariates,
        List<String> requiredCovariates,
        boolean requiresGeo,
        @DefaultValue @Valid Metadata modelMetadata) {

    /** The {@link ServiceInfo} these properties describe. */
    public ServiceInfo toServiceInfo() {
        return new ServiceInfo(
                id,
                displayName,
                version,
                description,
                modelMetadata.toModelMetadata(),
                periodType,
                minPredictionPeriods,
                maxPredictionPeriods,
                allowFreeAdditionalContinuousCovariates,
                requiredCovariates,
                requiresGeo);
    }

    /**
     * The {@code model_metadata} part of the service info.
     *
     * @param author who wrote the model
     * @param authorNote free-text note from the author
     * @param authorAssessedStatus the author's maturity assessment: gray, red, orange, yellow or green
     * @param contactEmail contact address
     * @param organization owning organisation
     * @param organizationLogoUrl URL of the organisation's logo
     * @param citationInfo how to cite the model
     * @param repositoryUrl source repository URL
     * @param documentationUrl documentation URL
     */
    public record Metadata(
            String author,
            String authorNote,
            @DefaultValue("gray") AssessedStatus authorAssessedStatus,
            @Email String contactEmail,
            String organization,
            @URL String organizationLogoUrl,
            String citationInfo,
            @URL String repositoryUrl,
            @URL String documentationUrl) {

        ModelMetadata toModelMetadata() {
            return new ModelMetadata(
                    author,
                    authorNote,
                    authorAssessedStatus,
                    contactEmail,
                    organization,
                    organizationLogoUrl,
                    citationInfo,
                    repositoryUrl,
                    documentationUrl);
        }
    }
}

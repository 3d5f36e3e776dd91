package org.chapkit.autoconfigure.info;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.info.AssessedStatus;
import org.chapkit.info.HpoParameter;
import org.chapkit.info.InfoAdditions;
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
 * @param periodType period granularity of the model: weekly, monthly, or (generation 2 only) any
 * @param minPredictionPeriods inclusive lower bound for a config's {@code prediction_periods}
 * @param maxPredictionPeriods inclusive upper bound for a config's {@code prediction_periods}
 * @param allowFreeAdditionalContinuousCovariates whether configs may name covariates beyond the required ones
 * @param requiredCovariates covariate columns every training frame must have
 * @param requiresGeo whether train and predict need a GeoJSON feature collection
 * @param modelMetadata authorship and links
 * @param target the predicted column (contract generation 2's {@code target}), {@code disease_cases} by default
 * @param hpoSearchSpace hyper-parameter search space by parameter name (generation 2's {@code hpo_search_space}, in
 *     the form chap-core's HPO reads); use brackets for names with underscores, e.g.
 *     {@code chapkit.service.hpo-search-space[n_lags].low=1}
 * @param gitRevision the commit the service was built from (generation 2's {@code git_revision}); by default the
 *     {@code git.commit.id} of Spring Boot's {@code git.properties} when present
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
        @DefaultValue @Valid Metadata modelMetadata,

        @DefaultValue(InfoAdditions.DEFAULT_TARGET) @NotBlank
        String target,

        Map<String, HpoSearch> hpoSearchSpace,
        String gitRevision) {

    /** The {@link ServiceInfo} these properties describe, in the 1.x key set. */
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
     * The {@link ServiceInfo} these properties describe, with the chapkit 2.x keys.
     *
     * @param revision the git revision when {@link #gitRevision()} is not set, or null
     * @param chapkitVersion the version of chapkit for Java, or null
     */
    public ServiceInfo toServiceInfo(String revision, String chapkitVersion) {
        Map<String, HpoParameter> space = new LinkedHashMap<>();
        if (hpoSearchSpace != null) {
            hpoSearchSpace.forEach((name, search) -> {
                try {
                    space.put(name, search.toParameter());
                } catch (IllegalArgumentException ex) {
                    // Not chained: the start-up report shows the root cause, which must name the parameter.
                    throw new IllegalArgumentException(
                            "chapkit.service.hpo-search-space[" + name + "]: " + ex.getMessage());
                }
            });
        }
        InfoAdditions additions =
                new InfoAdditions(target, space, gitRevision == null ? revision : gitRevision, chapkitVersion, null);
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
                requiresGeo,
                additions);
    }

    /**
     * The search space of one hyper-parameter: either {@code values}, or {@code low} and {@code high}.
     *
     * @param values the candidate values; numbers and {@code true}/{@code false} are sent as JSON numbers and booleans
     * @param low lower bound of a range (inclusive)
     * @param high upper bound of a range (inclusive)
     * @param type {@code int} or {@code float}; when absent, whole-number bounds are sent as integers (so chap-core
     *     searches integers) and others as floats
     * @param step grid step
     * @param log whether to sample on a log scale
     */
    public record HpoSearch(
            List<String> values, Double low, Double high, HpoParameter.Type type, Double step, Boolean log) {

        HpoParameter toParameter() {
            if (values != null && !values.isEmpty()) {
                return new HpoParameter(values.stream().map(HpoSearch::scalar).toList(), null, null, null, null, null);
            }
            boolean integers = type == HpoParameter.Type.INT
                    || (type == null && whole(low) && whole(high) && (step == null || whole(step)));
            return new HpoParameter(
                    null, number(low, integers), number(high, integers), type, number(step, integers), log);
        }

        private static boolean whole(Double value) {
            return value != null && value == Math.rint(value) && !value.isInfinite();
        }

        private static Number number(Double value, boolean integer) {
            return value == null ? null : integer ? (Number) value.longValue() : value;
        }

        private static Object scalar(String text) {
            String value = text.trim();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            if (value.matches("[-+]?\\d{1,18}")) {
                return Long.parseLong(value);
            }
            if (value.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
                return Double.parseDouble(value);
            }
            return text;
        }
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

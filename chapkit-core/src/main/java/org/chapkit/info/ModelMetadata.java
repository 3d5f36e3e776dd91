package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code model_metadata} object of {@link ServiceInfo}. Every member is always emitted, nulls included.
 *
 * @param author who wrote the model
 * @param authorNote free-text note from the author
 * @param authorAssessedStatus the author's maturity assessment
 * @param contactEmail contact address
 * @param organization owning organisation
 * @param organizationLogoUrl URL of the organisation's logo
 * @param citationInfo how to cite the model
 * @param repositoryUrl source repository URL
 * @param documentationUrl documentation URL
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelMetadata(
        String author,
        @JsonProperty("author_note") String authorNote,
        @JsonProperty("author_assessed_status") AssessedStatus authorAssessedStatus,
        @JsonProperty("contact_email") String contactEmail,
        String organization,
        @JsonProperty("organization_logo_url") String organizationLogoUrl,
        @JsonProperty("citation_info") String citationInfo,
        @JsonProperty("repository_url") String repositoryUrl,
        @JsonProperty("documentation_url") String documentationUrl) {}

package org.chapkit.client.info;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Authorship and assessment of the model behind a service ({@code model_metadata} in the service info).
 *
 * @param author author name
 * @param authorNote free-text note from the author
 * @param authorAssessedStatus the author's maturity assessment
 * @param contactEmail contact e-mail address
 * @param organization organisation name
 * @param organizationLogoUrl organisation logo URL
 * @param citationInfo how to cite the model
 * @param repositoryUrl source repository URL
 * @param documentationUrl documentation URL
 */
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

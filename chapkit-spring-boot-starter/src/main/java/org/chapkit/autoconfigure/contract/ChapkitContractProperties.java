package org.chapkit.autoconfigure.contract;

import org.chapkit.contract.ContractGeneration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which generation of chapkit's wire contract the service speaks.
 *
 * @param generation {@code 2} (default) for chapkit 2.x semantics, as chap-core 2.x expects them; {@code 1} for
 *     chapkit 1.x, as chap-core 1.x expects them (its client rejects the 2.x keys of {@code /api/v1/info})
 */
@ConfigurationProperties("chapkit.contract")
public record ChapkitContractProperties(@DefaultValue("2") int generation) {

    /**
     * Checks the generation exists, so a typo stops the application at start-up naming the property.
     *
     * @throws IllegalArgumentException when it is neither 1 nor 2
     */
    public ChapkitContractProperties {
        ContractGeneration.of(generation);
    }

    /** The generation as a type. */
    public ContractGeneration toGeneration() {
        return ContractGeneration.of(generation);
    }
}

package org.chapkit.ml.registry;

/**
 * Names a model version without its artifact id: a model and either a version number or an alias.
 *
 * @param model the model's name; {@code null} for the service's default model
 * @param version the version number, or {@code null}
 * @param alias the alias, or {@code null}
 */
public record ModelSelector(String model, Integer version, String alias) {

    /**
     * Whether anything is selected (a model, a version or an alias).
     *
     * @return true when one of the three is given
     */
    public boolean present() {
        return model != null || version != null || alias != null;
    }
}

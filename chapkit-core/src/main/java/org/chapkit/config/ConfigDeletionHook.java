package org.chapkit.config;

/**
 * Runs inside the transaction that deletes a config, before its row goes; the artifact feature uses it to delete the
 * artifact trees linked to the config.
 */
@FunctionalInterface
public interface ConfigDeletionHook {

    /** Called with the id of a config about to be deleted. */
    void beforeDelete(String configId);
}

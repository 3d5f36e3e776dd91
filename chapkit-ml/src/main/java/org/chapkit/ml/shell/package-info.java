/** A model runner that runs external train and predict commands in chapkit-style workspaces. */
package org.chapkit.ml.shell;

/** Machine-learning support for chapkit services: data frames, runners, shell workspaces and sample data. */
package org.chapkit.ml;

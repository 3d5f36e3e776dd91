/** The model registry: named models whose versions are successful trainings, with lineage and movable aliases. */
package org.chapkit.ml.registry;

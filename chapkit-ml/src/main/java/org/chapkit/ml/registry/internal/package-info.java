/** The registry's REST controller and JDBC store; public only so the starter can build them. */
package org.chapkit.ml.registry.internal;

/** A runnable chapkit service: a small disease-case forecasting model built on the starter's public API. */
package org.chapkit.sample;

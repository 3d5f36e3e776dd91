/** The plain Spring MVC endpoint that metric 3 compares chapkit's config GET with, loaded into the sample app. */
package org.chapkit.benchmarks.http.probe;

/** The plain Spring Boot app that the sample app's start-up time is compared with. */
package org.chapkit.benchmarks.startup.plain;

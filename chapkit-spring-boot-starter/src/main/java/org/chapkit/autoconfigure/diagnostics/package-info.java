/**
 * Start-up diagnostics: the Spring Boot version guard and the {@code FailureAnalyzer}s that turn chapkit's start-up
 * failures into a description and an action naming the property or annotation to change.
 */
package org.chapkit.autoconfigure.diagnostics;

package org.chapkit.apps;

/**
 * A static app that a module ships on the class path (such as the web console), contributed as a bean and mounted
 * with the configured apps. A configured app at the same prefix replaces it; its landing page takes {@code /} in
 * place of the built-in one when no app is mounted there.
 *
 * @param app the app
 * @param landingPage the app to mount at {@code /} when no other app takes it, or null to leave {@code /} alone
 */
public record BundledApp(StaticApp app, StaticApp landingPage) {}

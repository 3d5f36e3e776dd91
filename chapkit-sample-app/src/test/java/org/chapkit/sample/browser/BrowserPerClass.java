package org.chapkit.sample.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for a test class, launched before its first test and closed after its last; each test opens
 * its own tab. Register as {@code @RegisterExtension static final BrowserPerClass browser = new BrowserPerClass();}.
 * Without a Chromium the class is skipped, and fails under {@code CI=true} ({@link HeadlessChromium#requireForTests}).
 */
final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback {

    private DevToolsBrowser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = DevToolsBrowser.launch(HeadlessChromium.requireForTests().binary());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A new tab of the class's browser. */
    DevToolsBrowser.Tab open() {
        return browser.open();
    }
}

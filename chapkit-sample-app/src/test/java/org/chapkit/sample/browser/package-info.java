/** The service's browser pages (landing page, Swagger UI) rendered in a real headless Chromium. */
package org.chapkit.sample.browser;

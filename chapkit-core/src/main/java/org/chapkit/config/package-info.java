/** Typed configs: the user's config record, its JSON Schema, storage, the {@code /api/v1/configs} API and its Java API. */
package org.chapkit.config;

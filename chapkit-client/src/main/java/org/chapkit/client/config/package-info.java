/** Typed configs ({@code /api/v1/configs}), generic over the service's config type. */
package org.chapkit.client.config;

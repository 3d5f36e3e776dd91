/** Auto-configuration of the OpenAPI document at {@code /openapi.json} and Swagger UI at {@code /docs}. */
package org.chapkit.autoconfigure.openapi;

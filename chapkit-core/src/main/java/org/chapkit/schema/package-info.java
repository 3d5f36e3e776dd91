/**
 * JSON Schemas of records, generated from their components as pydantic emits them: the config schema served by
 * {@code /api/v1/configs/$schema} and the response schemas of {@code /api/v1/jobs/$schema},
 * {@code /api/v1/artifacts/$schema} and {@code /api/v1/system/apps/$schema}. The one source of every JSON Schema
 * chapkit serves; no schema is written by hand.
 */
package org.chapkit.schema;

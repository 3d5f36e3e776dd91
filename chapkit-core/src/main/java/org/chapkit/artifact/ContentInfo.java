package org.chapkit.artifact;

/**
 * Facts about an artifact's binary content, which is stored apart from its JSON data.
 *
 * @param id id of this upload of the content
 * @param size length in bytes
 * @param chunks number of stored chunks
 * @param head the first (up to) 200 bytes, for the bytes stub shown in JSON responses
 */
public record ContentInfo(String id, long size, int chunks, byte[] head) {}

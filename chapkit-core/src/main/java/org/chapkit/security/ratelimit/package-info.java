/** Rate limits per caller (Bucket4j token buckets, in memory or shared through the database). */
package org.chapkit.security.ratelimit;

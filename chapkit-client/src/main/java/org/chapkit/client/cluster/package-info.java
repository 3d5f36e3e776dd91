/** The cluster's members, leader and epoch ({@code /api/v1/cluster}), once or as a stream of changes. */
package org.chapkit.client.cluster;

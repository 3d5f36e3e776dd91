/** Tests of durable jobs over HTTP, across restarts and across two instances on one database. */
package org.chapkit.job;

/** Tests of webhooks against a real HTTP receiver on a random port. */
package org.chapkit.webhook;

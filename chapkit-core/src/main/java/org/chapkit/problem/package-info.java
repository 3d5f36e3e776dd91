/** RFC 9457 problem details: the one error format every chapkit endpoint answers with. */
package org.chapkit.problem;

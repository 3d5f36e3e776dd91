/** Servlet filters every chapkit response passes through: request ids and request size limits. */
package org.chapkit.web;

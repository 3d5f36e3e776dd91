/** The wire contract generations (chapkit 1.x and 2.x) and what each decides: verbs, error rendering, info shape. */
package org.chapkit.contract;

/** The model runner contract and its functional and annotated implementations. */
package org.chapkit.ml.runner;

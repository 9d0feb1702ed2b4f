/**
 * Runnable examples of the library API, one per user: the venue, the trader and the auditor.
 * Each has a main method taking a working folder; they share the files they write there.
 */
package io.zkmargin.examples;

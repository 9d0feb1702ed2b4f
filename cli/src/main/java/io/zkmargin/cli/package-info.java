/**
 * The {@code zkmargin} command-line tool: venue (keygen, setup, epoch, register), trader (commit, prove, health),
 * service (serve), auditor (verify, audit) and the end-to-end demo. Built on picocli.
 */
package io.zkmargin.cli;

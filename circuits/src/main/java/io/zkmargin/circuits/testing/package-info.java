/**
 * The single test harness every gadget and circuit test uses: valid assignments must solve and satisfy every
 * constraint with the expected public values; invalid ones, and tampered or adversarially solved witnesses, must not.
 */
package io.zkmargin.circuits.testing;

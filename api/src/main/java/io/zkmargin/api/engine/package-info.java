/**
 * The reference margin engine: exact BigInteger evaluation of MARGIN-MODEL.md (E6, T6, scan, SOM, R6, healthy_f,
 * largest provable f). The margin circuit and the verifier service must agree with it bit for bit.
 */
package io.zkmargin.api.engine;

/**
 * The verifier service a venue runs: HTTP API, health policy (HEALTHY, WARNING, MARGIN_CALL, LIQUIDATION),
 * deadline timers, proof queue with batch verification, and the ports to the verifier and api modules.
 */
package io.zkmargin.service;

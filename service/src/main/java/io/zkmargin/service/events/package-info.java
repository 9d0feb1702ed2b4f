/**
 * Event delivery: the in-process hub feeding Server-Sent-Event streams and the webhook dispatcher that
 * drains the persisted outbox with retries and HMAC-SHA256 signatures (at-least-once).
 */
package io.zkmargin.service.events;

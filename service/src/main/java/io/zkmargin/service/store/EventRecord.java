package io.zkmargin.service.store;

import io.zkmargin.service.HealthState;

/** One recorded transition, as stored in the outbox and emitted over SSE and webhooks. */
public record EventRecord(long id, String type, long accountId, long epochId, HealthState from,
                          HealthState to, String reason, long bestF, long at) {
    public static final String MARGIN_CALL = "margin_call";
    public static final String HEALTH_CHANGE = "health_change";
}

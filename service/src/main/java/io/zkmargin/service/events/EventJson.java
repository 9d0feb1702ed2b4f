package io.zkmargin.service.events;

import io.vertx.core.json.JsonObject;
import io.zkmargin.service.store.EventRecord;

/** The one JSON form of an event, shared by SSE, webhooks and the audit bundle. */
public final class EventJson {
    private EventJson() { }

    public static JsonObject toJson(EventRecord e) {
        return new JsonObject()
                .put("id", e.id())
                .put("type", e.type())
                .put("accountId", e.accountId())
                .put("epochId", e.epochId())
                .put("from", e.from().name())
                .put("to", e.to().name())
                .put("reason", e.reason())
                .put("bestThresholdBps", e.bestF())
                .put("at", e.at());
    }
}

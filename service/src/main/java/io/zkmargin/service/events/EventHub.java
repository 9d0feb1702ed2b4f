package io.zkmargin.service.events;

import io.zkmargin.service.store.EventRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process fan-out of committed events to live subscribers (SSE streams) and a wake-up for the webhook
 * dispatcher. Subscribers that miss events catch up from the store by id, so nothing depends on this hub.
 */
public final class EventHub implements Consumer<List<EventRecord>> {
    private final List<Consumer<EventRecord>> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Consumer<EventRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void accept(List<EventRecord> events) {
        for (EventRecord e : events) {
            for (Consumer<EventRecord> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ignored) {
                    // a broken subscriber must not stop the others; it catches up by id on reconnect
                }
            }
        }
    }

    public int subscribers() {
        return listeners.size();
    }
}

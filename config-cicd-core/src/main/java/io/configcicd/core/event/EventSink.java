package io.configcicd.core.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a service sends its {@link Event}s. A front end passes one that renders them; the core never writes to a
 * console itself. A sink is called on the thread that runs the operation, in the order the events happen; it must
 * not throw (an exception from a sink is the front end's bug, and it propagates).
 */
@FunctionalInterface
public interface EventSink {

    /** Drops every event: for library callers that want only the outcome. */
    EventSink NONE = event -> { };

    void accept(Event event);

    /** This sink, then {@code other}. */
    default EventSink andThen(EventSink other) {
        return event -> {
            accept(event);
            other.accept(event);
        };
    }

    /** A sink that keeps every event, in order, for tests and for front ends that render at the end. */
    static Recording recording() {
        return new Recording();
    }

    /** A sink that remembers what it was sent. */
    final class Recording implements EventSink {
        private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(Event event) {
            events.add(event);
        }

        /** The events so far, in order. */
        public List<Event> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }
}

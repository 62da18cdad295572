package jconcur.kernel.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Debug Adapter Protocol event: the content of a debug_event on IOPub. */
record DapEvent(String event, ObjectNode body) {

    ObjectNode toJson(ObjectNode into, int seq) {
        into.put("type", "event");
        into.put("seq", seq);
        into.put("event", event);
        into.set("body", body);
        return into;
    }
}

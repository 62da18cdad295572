package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.MessageSocket;
import jconcur.kernel.wire.MessageCodec;

/** A received request and the channel its reply goes back on. */
public final class Request {

    private final Message message;
    private final MessageSocket channel;
    private final MessageCodec codec;
    private boolean replied;

    public Request(Message message, MessageSocket channel, MessageCodec codec) {
        this.message = message;
        this.channel = channel;
        this.codec = codec;
    }

    public Message message() {
        return message;
    }

    public String type() {
        return message.type();
    }

    public ObjectNode header() {
        return message.header();
    }

    public ObjectNode content() {
        return message.content();
    }

    public String channel() {
        return channel.channel();
    }

    /** foo_request is answered by foo_reply; a type without the suffix gets _reply appended. */
    public String replyType() {
        String type = type();
        String base = type.endsWith("_request") ? type.substring(0, type.length() - "_request".length()) : type;
        return base + "_reply";
    }

    public boolean replied() {
        return replied;
    }

    public ObjectNode newContent() {
        return codec.json().createObjectNode();
    }

    public void reply(ObjectNode content) {
        reply(content, null);
    }

    public void reply(ObjectNode content, ObjectNode metadata) {
        replied = true;
        channel.send(codec.newMessage(message.identities(), replyType(), message.header(), metadata, content));
    }

    /** Replies with status error, the shape every *_reply accepts. */
    public void replyError(String ename, String evalue) {
        ObjectNode content = newContent();
        content.put("status", "error");
        content.put("ename", ename);
        content.put("evalue", evalue);
        content.putArray("traceback").add(ename + ": " + evalue);
        reply(content);
    }
}

package id.pintu.telegram;

/** A Bot API call ready for the outbox: its method name and its JSON body. */
public record OutboundMessage(String method, String payload, boolean optional) {}

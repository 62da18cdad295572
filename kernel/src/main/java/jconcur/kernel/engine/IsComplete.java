package jconcur.kernel.engine;

/** is_complete_reply content. indent is used only with INCOMPLETE. */
public record IsComplete(Status status, String indent) {
    public enum Status { COMPLETE, INCOMPLETE, INVALID, UNKNOWN }
}

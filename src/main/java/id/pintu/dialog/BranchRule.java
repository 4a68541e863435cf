package id.pintu.dialog;

/** One route of a {@code branch} node: the first rule whose condition holds wins. */
public record BranchRule(Condition when, String next) {}

package id.pintu.dialog;

/** A button under a message: the label the family sees and the data it sends back. */
public record Button(String label, String data) {}

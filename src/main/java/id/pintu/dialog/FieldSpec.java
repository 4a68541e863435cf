package id.pintu.dialog;

/**
 * An intake field, declared once per script.
 *
 * @param type {@code text}, {@code choice}, {@code number}, {@code yesno}, {@code phone}
 * @param sensitive specific personal data under UU PDP (health, a child's data, violence):
 *     encrypted at rest and left out of exports
 * @param label how the field is named on the counselor's card
 */
public record FieldSpec(String type, boolean sensitive, Text label) {}

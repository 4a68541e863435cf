/**
 * The dialog engine and the scripts it runs: the pure step function
 * {@link id.pintu.dialog.Engine} with {@link id.pintu.dialog.AnswerReader},
 * {@link id.pintu.dialog.Interpolator} and {@link id.pintu.dialog.Phrases}; the script model
 * ({@link id.pintu.dialog.Script}, {@link id.pintu.dialog.Node}, {@link id.pintu.dialog.Text},
 * ...), its reading ({@link id.pintu.dialog.ScriptParser}, {@link id.pintu.dialog.DialogFolder})
 * and checking ({@link id.pintu.dialog.ScriptValidator}); the {@code validate} and
 * {@code simulate} commands.
 *
 * <p>The engine does no I/O, reads no clock and knows no Telegram types. May depend on
 * Jackson and SnakeYAML, and of Pintu on {@link id.pintu.safety} only.
 */
package id.pintu.dialog;

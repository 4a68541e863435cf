/**
 * The crisis screen: what in a family's message signals danger, and how sure it is.
 *
 * <p>{@link id.pintu.safety.CombinedScreen} is the screen families meet: the frames, checked by
 * a model learned at start from the admin's labelled examples ({@code dialogs/crisis-examples.tsv},
 * {@link id.pintu.safety.Examples}). {@link id.pintu.safety.FrameScreen} compiles the admin's lexicon
 * ({@code dialogs/crisis-lexicon.yaml}: concepts, frames, stance) and screens one message,
 * with {@link id.pintu.safety.RiskMemory} of the family's last few messages, into a
 * {@link id.pintu.safety.ScreenResult}. Words are matched by their forms
 * ({@link id.pintu.safety.WordForms}, Lucene's Indonesian and English stemmers) and typos
 * ({@link id.pintu.safety.TypoIndex}, Lucene's Levenshtein automata). The {@code screen}
 * command and {@code screen --eval} let admins try a lexicon on their own messages.
 *
 * <p>Pure and thread-safe; no I/O after loading, no clock. May depend on Jackson, Lucene,
 * Caffeine and SLF4J, and on no other package of Pintu (the dialog engine depends on it).
 * See docs/SAFETY.md.
 */
package id.pintu.safety;

package id.pintu.safety;

/**
 * One lexicon entry that matched.
 *
 * @param category e.g. {@code suicide_self_harm}, {@code violence_home}
 * @param level how serious this entry is
 * @param phrase the lexicon phrase that matched, as the lexicon writes it (lower case, single
 *     spaces, {@code *} kept), so admins and counselors recognise it; the matching form is internal
 * @param excerpt the family's own words that matched, as written, for the counselor
 */
public record ScreenMatch(String category, RiskLevel level, String phrase, String excerpt) {}

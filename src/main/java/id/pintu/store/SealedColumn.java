package id.pintu.store;

/**
 * Every column that holds what a family or a counselor wrote, and so is stored encrypted.
 * The table and column names go into each value's associated data: a value copied into
 * another column (or another chat's or case's row) no longer opens.
 */
public enum SealedColumn {
  /** Messages both ways, captions included; owner: the chat. */
  TRANSCRIPT_TEXT("transcript", "text"),
  /** Captured intake fields (JSON); owner: the case. */
  CASE_INTAKE("cases", "intake"),
  /** The family's story messages (JSON); owner: the case. */
  CASE_STORY("cases", "story"),
  /**
   * The phrases that raised a flag, inside the flags JSON; the flag names stay readable so
   * supervisors can filter the queue by flag. Owner: the case.
   */
  CASE_FLAG_EVIDENCE("cases", "flags.evidence"),
  /** The engine state (JSON; holds the intake and the story); owner: the chat. */
  SESSION_STATE("sessions", "state"),
  /** Counselors' private notes; owner: the case. */
  NOTE_TEXT("case_notes", "text"),
  /** The family's comment with a rating; owner: the case. */
  RATING_COMMENT("case_ratings", "comment"),
  /** A raw Telegram update (holds the family's text); owner: the update id. */
  INBOX_PAYLOAD("inbox", "payload"),
  /** A Bot API call waiting to leave (messages and staff cards carry family text); owner: the chat. */
  OUTBOX_PAYLOAD("outbox", "payload"),
  /** Not family data: the known text that proves a key at start-up ({@link KeyCheck}); owner 0. */
  KEY_CHECK("encryption_keys", "check_value");

  private final String table;
  private final String column;

  SealedColumn(String table, String column) {
    this.table = table;
    this.column = column;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  /** {@code table.column}, as named in errors and docs. */
  public String label() {
    return table + "." + column;
  }
}

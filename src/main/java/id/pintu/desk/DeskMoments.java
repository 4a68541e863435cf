package id.pintu.desk;

import java.time.Duration;

/**
 * Told after a desk transaction commits (never for one rolled back): how long a case waited
 * in the queue before a counselor claimed it, and how long after the claim the counselor's
 * first message reached the family. For metrics; carries no personal data.
 */
public interface DeskMoments {
  DeskMoments NONE = new DeskMoments() {
    @Override
    public void claimed(String priority, Duration waited) {}

    @Override
    public void firstReply(String priority, Duration afterClaim) {}
  };

  /** A counselor claimed a case that had waited {@code waited} since it (last) joined the queue. */
  void claimed(String priority, Duration waited);

  /** The first counselor message of a case was relayed, {@code afterClaim} after the claim. */
  void firstReply(String priority, Duration afterClaim);
}

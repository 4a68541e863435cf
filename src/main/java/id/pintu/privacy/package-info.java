/**
 * Privacy policy: the consent record and gate ({@link id.pintu.privacy.ConsentGate},
 * {@link id.pintu.privacy.Basis}), erasure on request ({@link id.pintu.privacy.Erasure},
 * {@link id.pintu.privacy.PrivacyTexts}), the legal hold and false-alarm commands
 * ({@link id.pintu.privacy.CaseCommands}), the daily {@link id.pintu.privacy.RetentionJob} and
 * {@link id.pintu.privacy.FalseAlarmMetrics}.
 *
 * <p>The encryption at rest is not here but in {@link id.pintu.store}, beside the stores that
 * seal and open. May depend on Micrometer and SLF4J, and of Pintu on {@link id.pintu.store},
 * {@link id.pintu.dialog} and {@link id.pintu.safety}. See docs/PRIVACY.md.
 */
package id.pintu.privacy;

package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipes whole conversations through {@code simulate} with the default dialogs folder. */
class SimulateCommandTest {

  record Run(int code, String out, String err) {}

  static Run simulate(List<String> args, String... lines) {
    String input = String.join("\n", lines) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SimulateCommand.run(args,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final String[] FULL_FIRST_CONTACT = {
    "ya",            // consent
    "1",             // writing about myself
    "2",             // 18-59
    "Rina",          // name
    "Kota Bandung",  // area
    "1",             // family conflict
    "1",             // came on my own
    "Saya dan suami sering bertengkar soal uang sejak dia kehilangan pekerjaan.",
    "Anak-anak jadi ikut tegang.",
    "Saya sudah coba bicara baik-baik tapi selalu berakhir saling diam.",
    "sudah",         // done telling
    "3",             // evening
  };

  @Test
  void fullFirstContactEndsInAHandoffRequestWithIntakeAndStory() {
    Run r = simulate(List.of(), FULL_FIRST_CONTACT);
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("bot> Halo, selamat datang."), out);
    assertTrue(out.contains("  [1] Ya, saya setuju"), out);
    assertTrue(out.contains("you> [1] Untuk diri saya sendiri"), "a picked number echoes its button: " + out);
    assertTrue(out.contains("Terima kasih sudah mau bercerita, Rina."), "support uses the name given: " + out);

    String report = out.substring(out.indexOf("==== what the counselor receives ===="));
    assertTrue(report.contains("status:     handed_off   priority: normal"), report);
    assertTrue(report.contains("consent (Persetujuan data) = yes"), report);
    assertTrue(report.contains("writer (Yang menulis) = self"), report);
    assertTrue(report.contains("age_group (Kelompok usia) = adult   [sensitive]"), report);
    assertTrue(report.contains("name (Nama panggilan) = Rina   [sensitive]"), report);
    assertTrue(report.contains("area (Kabupaten/kota) = Kota Bandung"), report);
    assertTrue(report.contains("problem (Bidang masalah) = conflict   [sensitive]"), report);
    assertTrue(report.contains("came_by (Sukarela atau dirujuk) = voluntary"), report);
    assertTrue(report.contains("contact_time (Waktu dihubungi) = evening"), report);
    assertTrue(report.contains("  1. Saya dan suami sering bertengkar"), report);
    assertTrue(report.contains("  2. Anak-anak jadi ikut tegang."), report);
    assertTrue(report.contains("  3. Saya sudah coba bicara baik-baik"), report);
    assertTrue(!report.contains("  4. "), "'sudah' ends the story and is not part of it: " + report);
    assertTrue(report.contains("techniques: small_talk, information, intake, ventilation, support, reassurance"), report);
    assertTrue(out.strip().endsWith("handoff request: queue general, priority normal (script first-contact/handoff)"), out);
  }

  @Test
  void skippedNameStillReadsWell() {
    String[] lines = FULL_FIRST_CONTACT.clone();
    lines[3] = "/lewati";
    Run r = simulate(List.of(), lines);
    assertTrue(r.out().contains("bot> Terima kasih sudah mau bercerita. Butuh keberanian"), r.out());
    assertTrue(!r.out().contains("bercerita, ."), r.out());
    assertTrue(!r.out().contains("name (Nama panggilan)"), r.out());
  }

  @Test
  void declinedConsentEndsKindlyInTheInformationPath() {
    Run r = simulate(List.of(), "tidak", "2");
    String out = r.out();
    assertTrue(out.contains("Tidak apa-apa, itu hak Anda sepenuhnya."), out);
    assertTrue(out.contains("Jam layanan: "), "info script ran: " + out);
    assertTrue(out.contains("SAPA 129 – telepon 129, WhatsApp 08111-129-129"), "help contacts shown: " + out);
    assertTrue(out.contains("status:     ended"), out);
    assertTrue(out.contains("script:     info / goodbye"), out);
    assertTrue(out.contains("consent (Persetujuan data) = no"), out);
    assertTrue(out.contains("story: (none)"), out);
    assertTrue(out.contains("handoff request: (none)"), out);
  }

  @Test
  void violenceAtHomeGoesUpTheQueue() {
    String[] lines = FULL_FIRST_CONTACT.clone();
    lines[5] = "4";
    Run r = simulate(List.of(), lines);
    assertTrue(r.out().contains("jangan menunggu, segera hubungi:"), r.out());
    assertTrue(r.out().strip().endsWith("handoff request: queue general, priority high (script first-contact/handoff_hi)"), r.out());
  }

  @Test
  void crisisScriptHelpsFirstThenHandsOffUrgently() {
    Run r = simulate(List.of("--script", "crisis"), "2");
    String out = r.out();
    assertTrue(out.indexOf("SAPA 129") < out.indexOf("Apakah Anda aman saat ini?"), "help contacts come before the question: " + out);
    assertTrue(out.contains("safe_now (Aman saat ini) = no   [sensitive]"), out);
    assertTrue(out.strip().endsWith("handoff request: queue crisis, priority urgent (script crisis/urgent)"), out);
    assertTrue(!out.contains("small_talk"), out);
  }

  @Test
  void crisisSafetyQuestionTakesATypedAnswer() {
    Run r = simulate(List.of("--script", "crisis"), "tidak yakin");
    assertTrue(r.out().contains("safe_now (Aman saat ini) = unsure   [sensitive]"), r.out());
    assertTrue(r.out().contains("Kalau bisa, pergilah ke tempat yang lebih aman"), r.out());
  }

  @Test
  void englishCommandsContactsAndMedia() {
    Run r = simulate(List.of("--lang", "en"), "yes", "#photo", "/konselor");
    String out = r.out();
    assertTrue(out.contains("bot> Hello, and welcome."), out);
    assertTrue(out.contains("I can't read photos yet"), out);
    assertTrue(out.contains("handoff request: queue general, priority normal (family asked for a person)"), out);
  }

  @Test
  void unknownScriptOrOptionIsAnError() {
    assertEquals(1, simulate(List.of("--script", "nope")).code());
    assertEquals(2, simulate(List.of("--bogus")).code());
    assertEquals(1, simulate(List.of("--dialogs", "no/such/folder")).code());
  }
}

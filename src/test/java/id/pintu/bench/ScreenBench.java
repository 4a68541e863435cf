package id.pintu.bench;

import id.pintu.safety.CrisisScreen;
import id.pintu.safety.CrisisScreens;
import id.pintu.safety.ScreenResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The default crisis screen's cost per message, as the engine pays it on every free-text
 * input: the lexicon in {@code dialogs/} (what the service loads), over a mix of first-contact
 * messages, short and long, Indonesian, English and mixed, ordinary and in danger, and one
 * long story alone. Run with {@code bench/screen.sh}; see docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScreenBench {

  /** A family telling everything at once: about 4,000 characters, the danger at the end. */
  static final String LONG;

  static {
    String story = "Selamat malam kak, maaf saya mau cerita panjang. Saya menikah sudah sembilan tahun dan "
        + "punya dua anak, yang besar kelas tiga SD dan yang kecil baru tiga tahun. Awalnya suami saya baik, "
        + "tapi sejak dia kehilangan pekerjaan tahun lalu dia sering pulang malam, minum, dan kalau ditanya "
        + "uangnya ke mana dia marah besar. Mertua saya tinggal dekat rumah dan selalu membela anaknya, "
        + "katanya saya yang kurang bersyukur. Saya sudah coba bicara baik-baik, sudah minta tolong pak RT "
        + "juga, tapi tidak ada yang berubah. Anak-anak jadi takut dan tidak mau bicara dengan bapaknya. ";
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 3900) sb.append(story);
    sb.append("Tadi malam dia mukul saya lagi dan bilang kalau saya pergi dia akan bunuh saya. Saya takut pulang.");
    LONG = sb.toString();
  }

  /** Twenty messages of the kinds families write first; five are urgent, a few concern. */
  static final List<String> MIX = List.of(
      "halo kak",
      "iya",
      "selamat pagi, saya mau tanya soal bantuan sekolah anak",
      "anak saya susah makan sayur, bagaimana ya caranya",
      "suami saya sering pulang malam dan kalau ditanya dia marah besar.",
      "Ibu saya bilang saya harus sabar saja.",
      "gw capek bgt sama kerjaan, mati gue lupa PR anak",
      "aku udah gak kuat, rasanya pengen mati aja",
      "tolong, bapak lagi ngamuk bawa pisau, ibu dipukulin",
      "anak saya pingsan dan gak bangun2",
      "sy sdh siapkan obat tidur sebanyak 2 strip, mau saya minum semua",
      "mertua selalu ikut campur urusan rumah tangga kami, saya bingung harus bagaimana",
      "Hi, I need help with my son, he has stopped going to school and won't talk to us.",
      "my husband yells at the kids every night and I don't know what to do",
      "I want to kill myself tonight",
      "sorry my english is bad, aku cuma mau cerita aja kak, I feel so lonely",
      "makasih kak udah dengerin",
      "Kami keluarga kecil, penghasilan pas-pasan, dan sekarang anak kedua lahir prematur. Dokter bilang "
          + "harus kontrol tiap minggu tapi ongkos ke rumah sakit mahal. Apa ada program yang bisa bantu?",
      "adek aku yang umur 5 tahun dikunci di gudang seharian sama ibu tirinya",
      LONG);

  static final String SHORT = "aku udah gak kuat, rasanya pengen mati aja";

  CrisisScreen screen;

  @Setup
  public void setUp() {
    screen = CrisisScreens.forDialogs(Path.of(System.getProperty("bench.dialogs", "dialogs")));
    if (MIX.size() != 20 || LONG.length() < 4000) throw new IllegalStateException("bench messages changed");
    if (!screen.screen(LONG).urgent()) throw new IllegalStateException("the long message should be urgent");
  }

  /** Score = µs per message, averaged over the twenty (the long one included). */
  @Benchmark
  @OperationsPerInvocation(20)
  public void mix(Blackhole bh) {
    for (String m : MIX) bh.consume(screen.screen(m));
  }

  /** Score = µs for one short message. */
  @Benchmark
  public ScreenResult shortMessage() {
    return screen.screen(SHORT);
  }

  /** Score = µs for the 4,000-character message. */
  @Benchmark
  public ScreenResult longMessage() {
    return screen.screen(LONG);
  }
}

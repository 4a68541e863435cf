package id.pintu.bench;

import id.pintu.store.FieldCipher;
import id.pintu.store.FlagEvidence;
import id.pintu.store.Keyring;
import id.pintu.store.SealedColumn;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of encryption at rest per value, on one thread: seal then open a chat message
 * (~100 characters), a session state (~3 KB of JSON) and a case's flags with evidence.
 * Run with {@code bench/cipher.sh}; see docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CipherBench {
  final FieldCipher cipher = new FieldCipher(Keyring.parse("bench", Keyring.newKey(), null));
  final String message = "Suami saya sering marah dan tadi malam dia memukul anak kami yang kecil, saya takut pulang.";
  final String state = "{\"fields\":{\"name\":\"Rina\",\"age\":\"34\"},\"story\":[" + ("\"" + message + "\",").repeat(30) + "\"akhir\"]}";
  final String flags = "{\"flags\":[\"crisis\"],\"evidence\":[\"ingin mati\",\"memukul\"],\"techniques\":[\"listen\",\"reflect\"]}";

  @Benchmark
  public String message() {
    return cipher.open(SealedColumn.TRANSCRIPT_TEXT, 42, cipher.seal(SealedColumn.TRANSCRIPT_TEXT, 42, message));
  }

  @Benchmark
  public String sessionState() {
    return cipher.open(SealedColumn.SESSION_STATE, 42, cipher.seal(SealedColumn.SESSION_STATE, 42, state));
  }

  @Benchmark
  public String flagEvidence() {
    return FlagEvidence.open(cipher, 7, FlagEvidence.seal(cipher, 7, flags));
  }
}

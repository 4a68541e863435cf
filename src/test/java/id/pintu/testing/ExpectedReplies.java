package id.pintu.testing;

import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Effect;
import id.pintu.dialog.Engine;
import id.pintu.dialog.Input;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import id.pintu.safety.CrisisScreens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a family must receive for its messages, computed with the same engine, scripts and
 * crisis screen as the service: the yardstick for tests that push many conversations through
 * several nodes or a crash and check every reply arrived once and in order.
 */
public final class ExpectedReplies {
  private final ScriptBook book;
  private final Engine engine;

  public ExpectedReplies(Path dialogs) {
    this.book = DialogFolder.read(dialogs).book();
    this.engine = new Engine(CrisisScreens.forDialogs(dialogs));
  }

  /** The texts sent back, in order; "/start" starts in Bahasa Indonesia and "NAME" in an input becomes {@code name}. */
  public List<String> to(List<String> inputs, String name) {
    SessionState s = null;
    List<String> texts = new ArrayList<>();
    for (String raw : inputs) {
      String text = raw.replace("NAME", name);
      Input in = text.equals("/start") ? new Input.Start("id") : new Input.Text(text);
      Step step = engine.step(book, s, in);
      s = step.state();
      for (Effect e : step.effects()) if (e instanceof Effect.Send send) texts.add(send.text());
    }
    return texts;
  }

  /** Per chat, for families in chats {@code firstChat}, {@code firstChat + 1}, ... named "Nama0", "Nama1", ... */
  public Map<Long, List<String>> forFamilies(List<String> inputs, long firstChat, int families) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (int f = 0; f < families; f++) out.put(firstChat + f, to(inputs, "Nama" + f));
    return out;
  }
}

package id.pintu.service;

import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.testing.botapi.SentMessage;
import java.util.List;

/** The staff side of a running service with the desk on: families handed off, their cases' topics, and what was posted in them. */
final class DeskTopics {
  private final ServiceHarness h;
  private final long staffChat;

  DeskTopics(ServiceHarness h, long staffChat) {
    this.h = h;
    this.staffChat = staffChat;
  }

  /** A family that consents, gives its name and age, tells its story and is done; returns its case once the case has a topic. */
  DeskStore.DeskCase handedOff(long chat, String name, String story) throws Exception {
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama");
    h.api.sendText(chat, name);
    h.awaitText(chat, "Berapa usia");
    h.api.sendText(chat, "34");
    h.awaitText(chat, "Ceritakan apa");
    h.api.sendText(chat, story);
    h.awaitText(chat, "Ceritakan apa"); // the listen node's button
    ServiceHarness.sleep(200);
    h.press(chat, "g:done:story");
    h.awaitText(chat, "Konselor akan segera");
    return topicOf(chat);
  }

  /** The chat's first case, once it has a topic in the staff group. */
  DeskStore.DeskCase topicOf(long chat) throws Exception {
    long caseId = new CaseStore(h.service.database()).forChat(chat).get(0).id();
    DeskServiceTest.until("the topic of case " + caseId, () -> find(caseId).topicThreadId() != null);
    return find(caseId);
  }

  DeskStore.DeskCase find(long caseId) {
    try {
      return new DeskStore(h.service.database()).find(caseId).orElseThrow();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<SentMessage> inTopic(int thread) {
    return h.api.messagesTo(staffChat).stream().filter(m -> m.threadId() != null && m.threadId() == thread).toList();
  }

  /** The first message in the topic that contains {@code fragment}, waiting for it. */
  SentMessage awaitInTopic(int thread, String fragment) {
    DeskServiceTest.until("'" + fragment + "' in topic " + thread, () -> inTopic(thread).stream().anyMatch(m -> has(m, fragment)));
    return inTopic(thread).stream().filter(m -> has(m, fragment)).findFirst().orElseThrow();
  }

  private static boolean has(SentMessage m, String fragment) {
    return m.text() != null && m.text().contains(fragment);
  }
}

package id.pintu.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One lane per chat: work for the same chat runs strictly in submission order, different
 * chats run in parallel on a fixed set of single-threaded lanes chosen by chat id.
 */
public final class ChatLanes implements AutoCloseable {
  private final List<ExecutorService> lanes;

  public ChatLanes(int count) {
    lanes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      lanes.add(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pintu-lane-" + n);
        t.setDaemon(true);
        return t;
      }));
    }
  }

  public void submit(long chatId, Runnable work) {
    lanes.get(Math.floorMod(Long.hashCode(chatId), lanes.size())).execute(work);
  }

  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService e : lanes) {
      try {
        if (!e.awaitTermination(5, TimeUnit.SECONDS)) e.shutdownNow();
      } catch (InterruptedException ie) {
        e.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}

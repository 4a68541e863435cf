package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Which write-out a reply must wait for before it leaves: the one covering the commit that
 * made it, whatever was committed since; everything so far while its transaction still runs.
 */
class ReplyCommitsTest {
  private final ReplyCommits replies = new ReplyCommits();

  @Test
  void aReplyNeedsTheCommitThatMadeItNotLaterOnes() {
    assertEquals(0, replies.needed(7), "rows from before this process: already in the file");
    commitWithRowsFor(5, 7);
    assertEquals(5, replies.needed(7));
    commitWithRowsFor(9, 8); // another chat's step, and commits without replies, change nothing for chat 7
    commitWithRowsFor(10);
    assertEquals(5, replies.needed(7));
    assertEquals(9, replies.needed(8));
    commitWithRowsFor(12, 7);
    assertEquals(12, replies.needed(7), "its newest rows");
  }

  @Test
  void whileItsTransactionRunsItNeedsEverythingCommittedSoFar() {
    commitWithRowsFor(3, 7);
    Set<Long> outer = replies.begin();
    replies.added(7);
    // A scan may see the rows the moment they commit, before their count is known here.
    assertEquals(ReplyCommits.NOW, replies.needed(7));
    replies.ended(-1, outer); // rolled back: the rows are gone, the earlier ones still need 3
    assertEquals(3, replies.needed(7));
  }

  @Test
  void transactionsOnOtherThreadsAreTrackedApartAndNestedOnesDoNotEndTheOuter() throws Exception {
    Set<Long> outer = replies.begin();
    replies.added(7);
    Set<Long> inner = replies.begin();
    replies.added(8);
    replies.ended(4, inner);
    assertEquals(4, replies.needed(8));
    assertEquals(ReplyCommits.NOW, replies.needed(7), "the outer transaction still runs");
    CompletableFuture.runAsync(() -> commitWithRowsFor(6, 7)).get();
    assertEquals(ReplyCommits.NOW, replies.needed(7), "another thread's commit for the same chat");
    replies.ended(5, outer);
    assertEquals(6, replies.needed(7));
  }

  @Test
  void chatsWrittenOutAreForgotten() {
    commitWithRowsFor(2, 7);
    commitWithRowsFor(8, 8);
    replies.forgetUpTo(5);
    assertEquals(1, replies.size());
    assertEquals(0, replies.needed(7));
    assertEquals(8, replies.needed(8));
  }

  private void commitWithRowsFor(long count, long... chats) {
    Set<Long> outer = replies.begin();
    for (long chat : chats) replies.added(chat);
    replies.ended(count, outer);
  }
}

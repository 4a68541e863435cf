package id.pintu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's CPU-by-thread line must put each thread's CPU where it belongs. */
class ThreadGroupsTest {
  private static ChildProcess.ThreadCpu cpu(String name, double user, double system) {
    return new ChildProcess.ThreadCpu(name, user, system);
  }

  @Test
  void threadsNamedAlikeAreOneGroupAndACallInFlightKeepsItsThreadsName() {
    Map<Long, ChildProcess.ThreadCpu> before = Map.of(
        1L, cpu("pintu-lane-0", 1.0, 0.1),
        2L, cpu("pintu-lane-1", 2.0, 0.2),
        3L, cpu("pintu-send", 0.5, 0.5),
        4L, cpu("OkHttp http://1", 0.0, 0.0));
    Map<Long, ChildProcess.ThreadCpu> after = Map.of(
        1L, cpu("pintu-lane-0", 1.3, 0.2),
        2L, cpu("pintu-lane-1", 2.2, 0.2),
        // a worker caught by the second snapshot while OkHttp had renamed it after its call
        3L, cpu("OkHttp http://1", 0.6, 0.6),
        4L, cpu("OkHttp http://1", 0.05, 0.0),
        5L, cpu("GC Thread#1", 0.1, 0.0));

    // 1,000 steps: 0.6 s in the lanes is 600 µs per step, 0.1 s of it in the kernel.
    assertEquals("pintu-lane 600 (100), pintu-send 200 (100), GC Thread 100 (0), OkHttp call 50 (0)",
        ThreadGroups.table(before, after, new java.util.HashMap<>(), 1_000, 10));
  }

  @Test
  void aThreadSeenOnlyInACallBetweenTheSnapshotsIsCountedUnderItsOwnName() {
    Map<Long, ChildProcess.ThreadCpu> before = Map.of(7L, cpu("OkHttp http://1", 1.0, 0.0));
    Map<Long, ChildProcess.ThreadCpu> after = Map.of(7L, cpu("OkHttp http://1", 1.4, 0.1));
    Map<Long, String> names = new java.util.HashMap<>();
    ThreadGroups.learnNames(Map.of(7L, cpu("pintu-send", 1.2, 0.0)), names);

    assertEquals("pintu-send 500 (100)", ThreadGroups.table(before, after, names, 1_000, 10));
  }
}

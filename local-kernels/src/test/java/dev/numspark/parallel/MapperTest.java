package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mappers keep the items' order, propagate the original failure, cancel the rest, leak nothing. */
class MapperTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 500).boxed().toList();

  @Test
  void sequentialMapsInOrderOnTheCaller() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Integer> squares = Mapper.sequential().map(i -> {
      threads.add(Thread.currentThread());
      return i * i;
    }, ITEMS);
    assertEquals(ITEMS.stream().map(i -> i * i).toList(), squares);
    assertEquals(Set.of(Thread.currentThread()), threads);
    assertEquals(1, Mapper.sequential().parallelism());
  }

  @Test
  void threadsPreserveOrderWhateverTheCompletionOrder() {
    try (Mapper mapper = Mapper.threads(2)) {
      List<Integer> out = mapper.map(i -> {
        WorkerPoolTest.busy((500 - i) * 200L); // early items finish last
        return -i;
      }, ITEMS);
      assertEquals(ITEMS.stream().map(i -> -i).toList(), out);
      assertEquals(2, mapper.parallelism());
    }
  }

  @Test
  void oneWorkerIsTheSequentialMapper() {
    assertSame(Mapper.sequential(), Mapper.threads(1));
  }

  @Test
  void negativeWorkersWrapAsScipy() {
    try (Mapper mapper = Mapper.threads(-1)) {
      assertEquals(Workers.cpuCount(), mapper.parallelism());
    }
  }

  @Test
  void aFailureKeepsItsOriginalExceptionAndSkipsTheRest() {
    AtomicInteger evaluated = new AtomicInteger();
    ArithmeticException cause = new ArithmeticException("objective failed at 7");
    try (Mapper mapper = Mapper.threads(2)) {
      ArithmeticException thrown = assertThrows(ArithmeticException.class,
          () -> mapper.map(i -> {
            evaluated.incrementAndGet();
            if (i == 7) {
              throw cause;
            }
            WorkerPoolTest.busy(200_000);
            return i;
          }, ITEMS));
      assertSame(cause, thrown);
    }
    assertTrue(evaluated.get() < ITEMS.size(), "items after the failure were skipped: "
        + evaluated.get());
  }

  @Test
  void closingStopsTheMappersThreads() throws Exception {
    Set<Thread> before = mapperThreads();
    Mapper mapper = Mapper.threads(3);
    mapper.map(i -> {
      WorkerPoolTest.busy(10_000);
      return i;
    }, ITEMS);
    mapper.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    // this mapper's threads are gone (a closed mapper of an earlier test may end meanwhile too,
    // so "before" can shrink but must not grow)
    while (!before.containsAll(mapperThreads()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Set<Thread> after = mapperThreads();
    assertTrue(before.containsAll(after), "threads left: " + after + ", before: " + before);
    assertThrows(IllegalStateException.class, () -> mapper.map(i -> i, ITEMS));
  }

  @Test
  void manyMapsReuseABoundedSetOfThreads() {
    try (Mapper mapper = Mapper.threads(2)) {
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      for (int round = 0; round < 50; round++) {
        mapper.map(i -> threads.add(Thread.currentThread()), ITEMS.subList(0, 20));
      }
      assertTrue(threads.size() <= 2, "threads: " + threads.size());
    }
  }

  @Test
  void aUserSuppliedMapperIsAMapper() {
    Mapper reversing = new Mapper() {
      @Override
      public <T, R> List<R> map(java.util.function.Function<? super T, ? extends R> fn,
          List<? extends T> items) {
        List<R> out = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0; i--) {
          out.add(0, fn.apply(items.get(i)));
        }
        return out;
      }

      @Override
      public int parallelism() {
        return 1;
      }
    };
    assertEquals(List.of(2, 4, 6), reversing.map(i -> 2 * i, List.of(1, 2, 3)));
  }

  /** The live mapper threads (as threads: a new mapper may reuse an old one's thread names). */
  private static Set<Thread> mapperThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("numspark-mapper")).collect(Collectors.toSet());
  }
}

package dev.numspark.examples.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void parsesOptionsFlagsAndPositionals() {
    Args a = Args.parse(List.of("--n", "8", "in.npy", "--axes=0,1", "--real", "--norm", "ortho",
        "out.npy"), Set.of("real"));
    assertEquals(8, a.integer("n", null));
    assertArrayEquals(new int[] {0, 1}, a.integers("axes"));
    assertTrue(a.bool("real", false));
    assertEquals("ortho", a.string("norm", "backward"));
    assertEquals(List.of("in.npy", "out.npy"), a.positionals("INPUT", "OUTPUT"));
    a.finish();
  }

  @Test
  void underscoresAndDashesAreTheSameOption() {
    Args a = Args.parse(List.of("--return_onesided", "false"), Set.of());
    assertEquals(false, a.bool("return-onesided", true));
    a.finish();
  }

  @Test
  void negativeNumbersAreValues() {
    Args a = Args.parse(List.of("--axis", "-1"), Set.of());
    assertEquals(-1, a.integer("axis", 0));
  }

  @Test
  void mistakesAreNamed() {
    assertEquals("option --n needs a value",
        assertThrows(OptionException.class, () -> Args.parse(List.of("--n"), Set.of())).getMessage());
    assertEquals("option --n given twice", assertThrows(OptionException.class,
        () -> Args.parse(List.of("--n", "1", "--n", "2"), Set.of())).getMessage());
    Args a = Args.parse(List.of("--typo", "1", "x"), Set.of());
    assertEquals("unrecognized option --typo",
        assertThrows(OptionException.class, a::finish).getMessage());
    assertEquals("expected 2 argument(s): INPUT OUTPUT; got 1",
        assertThrows(OptionException.class, () -> a.positionals("INPUT", "OUTPUT")).getMessage());
    Args b = Args.parse(List.of("--onesided", "maybe"), Set.of());
    assertThrows(OptionException.class, () -> b.bool("onesided", true));
  }
}

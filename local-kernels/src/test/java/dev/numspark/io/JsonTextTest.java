package dev.numspark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.numspark.optimize.OptimizeResult;
import dev.numspark.parallel.ThreadLimits;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  /** Jackson with its defaults: strict JSON, a bare NaN or Infinity is a parse error. */
  private static final ObjectMapper STRICT = new ObjectMapper();

  @Test
  void quotesEscapesAndNulls() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", JsonText.quote("a\"b\\c\nd\u0001"));
    assertEquals("null", JsonText.quote(null));
  }

  @Test
  void numbersWithoutJsonFormAreNull() {
    assertEquals("1.5", JsonText.number(1.5));
    assertEquals("null", JsonText.number(Double.NaN));
    assertEquals("null", JsonText.number(Double.POSITIVE_INFINITY));
    assertEquals("[1.5, null, null]", JsonText.numbers(
        new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY}));
  }

  @Test
  void objectsAreStrictJson() throws Exception {
    String json = JsonText.object().string("s", "a\"b\n").number("nan", Double.NaN)
        .integer("n", 3).bool("ok", true).numbers("xs", new double[] {1e-300, 2.5})
        .json("nested", JsonText.object().number("inf", Double.POSITIVE_INFINITY).toString())
        .toString();
    JsonNode node = STRICT.readTree(json);
    assertEquals("a\"b\n", node.get("s").asText());
    assertTrue(node.get("nan").isNull());
    assertEquals(3, node.get("n").asInt());
    assertEquals(1e-300, node.get("xs").get(0).asDouble());
    assertTrue(node.get("nested").get("inf").isNull());
  }

  /** An OptimizeResult whose numbers have no JSON form (a failed run) is still valid JSON. */
  @Test
  void anOptimizeResultWithNanAndInfinityIsValidJson() throws Exception {
    OptimizeResult result = new OptimizeResult(new double[] {Double.NaN, 0.1,
        Double.NEGATIVE_INFINITY}, Double.POSITIVE_INFINITY, null, 7, 2, false,
        "Maximum number of iterations has been exceeded.", null, null, Double.NaN, Double.NaN);
    JsonNode node = STRICT.readTree(result.toJson());
    assertTrue(node.get("x").get(0).isNull());
    assertEquals(0.1, node.get("x").get(1).asDouble());
    assertTrue(node.get("x").get(2).isNull());
    assertTrue(node.get("fun").isNull());
    assertEquals(7, node.get("nfev").asLong());
    assertEquals(false, node.get("success").asBoolean());
    assertEquals("Maximum number of iterations has been exceeded.", node.get("message").asText());
    OptimizeResult constrained = new OptimizeResult(new double[] {1}, 2, null, 1, 1, true, "ok",
        null, null, Double.POSITIVE_INFINITY, Double.NaN);
    assertTrue(STRICT.readTree(constrained.toJson()).get("constr_violation").isNull());
  }

  @Test
  void theThreadReportIsValidJson() throws Exception {
    JsonNode report = STRICT.readTree(ThreadLimits.infoJson());
    assertTrue(report.isArray());
  }
}

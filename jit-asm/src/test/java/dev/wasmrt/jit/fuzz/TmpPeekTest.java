package dev.wasmrt.jit.fuzz;
import org.junit.jupiter.api.Test;
import java.util.*;
class TmpPeekTest {
  static List<String> run(List<Integer> c) {
    try { return DifferentialRun.assertEnginesAgree(RandomModule.generate(new ChoiceTape(c))); }
    catch (Throwable e) { System.out.println("FAIL " + c + "\n" + e.getMessage()); return List.of("FAIL"); }
  }
  @Test void peek() {
    Random r = new Random(Long.getLong("peek.seed", 7));
    Map<String,Integer> hist = new TreeMap<>();
    long t0 = System.nanoTime();
    for (int k = 0; k < Integer.getInteger("peek.n", 300); k++) {
      List<Integer> c = new ArrayList<>(); int n = r.nextInt(Integer.getInteger("peek.len", 800)); for (int i = 0; i < n; i++) c.add(r.nextInt(1<<20));
      for (String o : run(c)) hist.merge(o.startsWith("trap") ? o : "value", 1, Integer::sum);
    }
    System.out.println(hist + " ms=" + (System.nanoTime()-t0)/1000000);
  }
}

package dev.wasmrt.jit.fuzz;
import org.junit.jupiter.api.Test;
import java.util.*;
class TmpPeekTest {
  @Test void peek() {
    Random r = new Random(7);
    Map<String,Integer> hist = new TreeMap<>();
    long t0 = System.nanoTime();
    for (int k = 0; k < 300; k++) {
      List<Integer> c = new ArrayList<>(); int n = r.nextInt(800); for (int i = 0; i < n; i++) c.add(r.nextInt(1<<20));
      for (String o : DifferentialRun.assertEnginesAgree(RandomModule.generate(new ChoiceTape(c)))) hist.merge(o.startsWith("trap") ? o : "value", 1, Integer::sum);
    }
    System.out.println(hist + " ms=" + (System.nanoTime()-t0)/1000000);
  }
}

package dev.wasmrt.interpreter;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Waiters of one shared memory, by address; all state is guarded by the memory's monitor. */
final class WaitQueues {
    private static final class Waiter {
        boolean woken;
    }

    private final Map<Long, ArrayDeque<Waiter>> byAddress = new HashMap<>();

    int await(Object monitor, long ea, BooleanSupplier stillExpected, long timeoutNanos) {
        synchronized (monitor) {
            if (!stillExpected.getAsBoolean()) return 1;
            Waiter w = new Waiter();
            ArrayDeque<Waiter> queue = byAddress.computeIfAbsent(ea, k -> new ArrayDeque<>());
            queue.add(w);
            long deadline = System.nanoTime() + timeoutNanos;
            try {
                while (!w.woken) {
                    if (timeoutNanos < 0) {
                        monitor.wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) return 2;
                        monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                }
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptTrap("interrupted");
            } finally {
                queue.remove(w);
                if (queue.isEmpty()) byAddress.remove(ea);
            }
        }
    }

    int wake(Object monitor, long ea, int count) {
        synchronized (monitor) {
            ArrayDeque<Waiter> queue = byAddress.get(ea);
            if (queue == null) return 0;
            int woken = 0;
            for (Waiter w : queue) {
                if (Integer.compareUnsigned(woken, count) >= 0) break;
                if (!w.woken) {
                    w.woken = true;
                    woken++;
                }
            }
            monitor.notifyAll();
            return woken;
        }
    }
}

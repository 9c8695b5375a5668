package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingTest {

    @Test
    void inRingsOfPrimePowerSizeNoTwoNonZeroNumbersMultiplyToZeroAndArithmeticAgrees() {
        for (int size : new int[] {2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 32, 49, 64, 81, 128, 243, 256}) {
            Ring ring = Ring.of(size);
            for (int a = 0; a < size; a++) {
                Set<Integer> products = new HashSet<>();
                Set<Integer> sums = new HashSet<>();
                for (int b = 0; b < size; b++) {
                    sums.add(ring.add(a, b));
                    products.add(ring.multiply(a, b));
                    assertEquals(ring.multiply(a, b), ring.multiply(b, a), a + " * " + b + " in " + size);
                    int c = (a * 7 + b * 3 + 1) % size;
                    assertEquals(ring.multiply(a, ring.add(b, c)), ring.add(ring.multiply(a, b), ring.multiply(a, c)),
                            a + " * (" + b + " + " + c + ") in " + size);
                }
                assertEquals(size, sums.size(), "adding " + a + " in " + size + " is a permutation");
                assertEquals(a == 0 ? 1 : size, products.size(), "multiplying by " + a + " in " + size);
            }
            assertEquals(1, ring.multiply(1, 1));
        }
    }

    @Test
    void otherSizesAreTheIntegersModuloTheSize() {
        Ring ring = Ring.of(20);

        assertEquals(3, ring.add(18, 5));
        assertEquals(0, ring.multiply(4, 5));
        assertNotEquals(0, ring.multiply(3, 7));
    }
}

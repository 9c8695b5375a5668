package org.colearn.plugin.worldcafe.seating;

/**
 * Addition and multiplication of the numbers 0 to n - 1: the finite field of n elements when n is a prime power
 * (where every non-zero difference times every non-zero difference is non-zero), else the integers modulo n.
 */
final class Ring {

    final int size;
    /** The prime whose power {@code size} is, when it is a power of a prime above the first; else 0. */
    private final int prime;
    private final int[] exp;
    private final int[] log;

    private Ring(int size, int prime, int[] exp, int[] log) {
        this.size = size;
        this.prime = prime;
        this.exp = exp;
        this.log = log;
    }

    static Ring of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A ring has at least one element.");
        }
        int p = smallestFactor(n);
        int k = 0;
        int rest = n;
        while (rest % p == 0) {
            rest /= p;
            k++;
        }
        if (rest != 1 || k < 2) {
            // A prime, or no prime power: the integers modulo n (a field when n is prime).
            return new Ring(n, 0, null, null);
        }
        return field(n, p, k);
    }

    int add(int a, int b) {
        if (prime == 0) {
            return (a + b) % size;
        }
        int sum = 0;
        for (int place = 1; place < size; place *= prime) {
            sum += ((a / place % prime + b / place % prime) % prime) * place;
        }
        return sum;
    }

    int multiply(int a, int b) {
        if (prime == 0) {
            return (int) ((long) a * b % size);
        }
        return a == 0 || b == 0 ? 0 : exp[(log[a] + log[b]) % (size - 1)];
    }

    /**
     * GF(p^k): elements are polynomials of degree below k over the integers modulo p, written in base p, multiplied
     * modulo a primitive polynomial found by trying each in turn (x must take every non-zero value as a power).
     */
    private static Ring field(int n, int p, int k) {
        for (int low = 1; low < n; low++) {
            if (low % p == 0) {
                continue;
            }
            int[] exp = new int[n - 1];
            int[] log = new int[n];
            int power = 1;
            boolean primitive = true;
            for (int i = 0; i < n - 1 && primitive; i++) {
                exp[i] = power;
                log[power] = i;
                power = timesX(power, low, p, k);
                primitive = power != 1 || i == n - 2;
            }
            if (primitive && power == 1) {
                return new Ring(n, p, exp, log);
            }
        }
        throw new IllegalStateException("No primitive polynomial of degree " + k + " over " + p);
    }

    /** {@code value} times x, modulo x^k minus the polynomial whose digits in base p are {@code low}. */
    private static int timesX(int value, int low, int p, int k) {
        int top = value;
        int place = 1;
        for (int i = 0; i < k - 1; i++) {
            top /= p;
            place *= p;
        }
        int shifted = (value - top * place) * p;
        int result = 0;
        int digitPlace = 1;
        for (int i = 0; i < k; i++) {
            int digit = (shifted / digitPlace % p + top * (low / digitPlace % p)) % p;
            result += digit * digitPlace;
            digitPlace *= p;
        }
        return result;
    }

    private static int smallestFactor(int n) {
        for (int f = 2; (long) f * f <= n; f++) {
            if (n % f == 0) {
                return f;
            }
        }
        return n;
    }
}

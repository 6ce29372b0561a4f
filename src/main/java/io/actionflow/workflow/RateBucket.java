package io.actionflow.workflow;

/** A token bucket: {@code rate} calls a second on average, twice that at once. */
final class RateBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    RateBucket(int rate) {
        this.rate = rate;
        this.burst = 2.0 * rate;
        this.tokens = this.burst;
        this.last = System.nanoTime();
    }

    synchronized boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}

package io.actionflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values as last committed (definitions that are read on every click and changed rarely), so that they are not read
 * again each time. A transaction that changes them calls {@link #changing()}: it then reads around the cache until it
 * ends, and the cache is emptied at once and again when it ends, committed or not. A value read while a change
 * commits is not kept. Values are also dropped after {@code ttl}, so that a change made on another node of a cluster
 * is seen within that time.
 */
public final class CommittedCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int maxSize;
    private long generation;

    public CommittedCache(Duration ttl, Clock clock, int maxSize) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** The cached value of {@code key}, or what {@code load} reads (kept unless a change committed meanwhile). */
    public V get(K key, Supplier<V> load) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return load.get();
        }
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.loadedAt().plus(ttl).isAfter(now)) {
            return entry.value();
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        V loaded = load.get();
        synchronized (this) {
            if (generation == before) {
                if (entries.size() >= maxSize) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(loaded, now));
            }
        }
        return loaded;
    }

    /** The current transaction changes what is cached: it reads around the cache, emptied now and at its end. */
    public void changing() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedCache.this);
                    invalidate();
                }
            });
        }
    }

    public synchronized void invalidate() {
        generation++;
        entries.clear();
    }
}

package io.offstream.risk.sellers;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/** Seller profiles through a local Caffeine cache in front of the database, as the service runs in production. */
public class CachedSellerProfiles {

    private final LoadingCache<String, Optional<SellerProfile>> cache;

    public CachedSellerProfiles(SellerProfileRepository repository, long maxSize, Duration expireAfterWrite) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfterWrite(expireAfterWrite)
                .recordStats()
                .build(repository::find);
    }

    public Optional<SellerProfile> get(String sellerId) {
        return cache.get(sellerId);
    }

    public double hitRate() {
        return cache.stats().hitRate();
    }
}

package io.didplatform.inventory.config;

import io.didplatform.inventory.command.did.DidAggregate;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.UnaryOperator;

/**
 * How DID aggregates are made and kept. They are created by plain reflection rather than as Spring prototype beans
 * (nothing is injected into them; creating a bean per load cost a sixth of a cold cascade). Recently used ones stay
 * in memory, so a command to a DID does not read its events again: a hold cascade over a client package's DIDs
 * spent half its time loading aggregates. Axon removes an entry whose unit of work rolls back; writers that bypass
 * the repository ({@code DidBatchCreator}) remove the numbers they write; and since any instance may write any DID,
 * an entry is used only while its version is the one in the event store ({@link StoredVersionCheck}).
 */
@Configuration(proxyBeanMethods = false)
class DidAggregateConfiguration {
    static final String DID_CACHE = "didAggregateCache";

    /**
     * Found by its name, which Axon's Spring support looks up before making a prototype-bean factory. (Axon's
     * GenericAggregateFactory would inspect the handlers without Spring's parameter resolvers, and fail on them.)
     */
    @Bean
    AggregateFactory<DidAggregate> didAggregateAggregateFactory() {
        return new AggregateFactory<>() {
            @Override
            public DidAggregate createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                return new DidAggregate();
            }

            @Override
            public Class<DidAggregate> getAggregateType() {
                return DidAggregate.class;
            }
        };
    }

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean(DID_CACHE)
    Cache didAggregateCache(CacheManager aggregateCacheManager, JdbcTemplate jdbc, CacheSettings settings) {
        var dids = aggregateCacheManager.createCache("dids", CacheConfigurationBuilder.newCacheConfigurationBuilder(
                Object.class, Object.class, ResourcePoolsBuilder.heap(settings.dids())));
        return new KeyedOnly((Ehcache<Object, Object>) dids, new StoredVersionCheck(jdbc));
    }

    /**
     * Ehcache refuses null keys, and Axon hands the cache one for an aggregate that a CREATE_IF_MISSING command
     * left without events (so without identifier, e.g. an assignment of an unknown number): nothing to cache.
     * An entry older than the event store is dropped rather than handed out.
     */
    static final class KeyedOnly extends EhCache3Adapter {
        private final StoredVersionCheck storedVersion;

        KeyedOnly(Ehcache<Object, Object> cache, StoredVersionCheck storedVersion) {
            super(cache);
            this.storedVersion = storedVersion;
        }

        @Override
        public <K, V> V get(K key) {
            V entry = key == null ? null : super.get(key);
            if (entry != null && !storedVersion.current(key, entry)) {
                super.remove(key);
                return null;
            }
            return entry;
        }

        @Override
        public void put(Object key, Object value) {
            if (key != null) {
                super.put(key, value);
            }
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return key != null && super.putIfAbsent(key, value);
        }

        @Override
        public boolean remove(Object key) {
            return key != null && super.remove(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return key != null && super.containsKey(key);
        }

        @Override
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            if (key != null) {
                super.computeIfPresent(key, update);
            }
        }
    }
}

package io.didplatform.support.axon;

import io.didplatform.support.kafka.BulkLane;
import io.didplatform.support.kafka.CloudEventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
// Axon's JPA event store auto-configuration, which this replaces, is also what registers the event entities
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AxonSupportConfiguration {
    /**
     * The processing group of a service's command-side lookup tables: subscribing (each service's application.yml),
     * so they change in the transaction of the command whose events they follow.
     */
    public static final String COMMAND_LOOKUPS = "command-lookups";

    /** Copies actor, correlation and causation from each command (or event) to the messages it causes. */
    @Bean
    public CorrelationDataProvider messageContextCorrelation() {
        return new SimpleCorrelationDataProvider(MessageContext.ACTOR, MessageContext.CORRELATION, MessageContext.CAUSATION);
    }

    /**
     * Axon's JPA event store, configured as its auto-configuration would, appending a unit of work's events at once,
     * and reading snapshots only in a service that has a snapshot trigger.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 ListableBeanFactory beans, EventStoreSettings settings) {
        // an aggregate takes snapshots through a trigger definition bean (looked up by type, not created here)
        boolean snapshots = beans.getBeanNamesForType(SnapshotTriggerDefinition.class, true, false).length > 0;
        return new MultiRowJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                // events per query when processors read the store (Axon's default, 100, made a bulk job's million
                // events ten thousand queries per processor)
                .batchSize(1000)
                .transactionManager(transactionManager), transactionManager, snapshots, settings.commitWithin(),
                settings.gapTimeout());
    }

    /**
     * Axon's embedded event store as its auto-configuration makes it, but waking the event processors as soon as
     * events arrive ({@link SignallingEventStore}) and looking for other instances' events every
     * {@code did.event-store.fetch-delay} rather than every second.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         EventStoreSettings settings) {
        return SignallingEventStore.create(EmbeddedEventStore.builder()
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelay().toMillis())
                .cachedEvents(settings.cachedEvents())
                .timeUnit(TimeUnit.MILLISECONDS), storageEngine);
    }

    /** Axon's metrics, memory-bound (see BoundedMetricRegistry); replaces the auto-configured registry. */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new BoundedMetricRegistry(meterRegistry);
    }

    /** This instance among the service's: the name it heartbeats under and owns its token claims by. */
    @Bean
    ServiceInstances serviceInstances(DataSource dataSource, @Value("${spring.application.name}") String serviceName,
                                      ProcessorSettings settings) {
        return new ServiceInstances(new JdbcTemplate(dataSource), serviceName, settings.staleAfter());
    }

    /**
     * Axon's JPA token store as its auto-configuration makes it, but claiming segments in this instance's own name.
     * Axon's default owner, the JVM's pid@host, is one name for every instance in one JVM (or in containers that
     * share a host name and pid 1): each then takes the others' claims for its own, all process the same segments,
     * and one's release of a segment ends everyone's claim on it, so events wait unprocessed until a claim round.
     */
    @Bean
    public TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                                 TokenStoreProperties properties, ServiceInstances instances) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(instances.self())
                .build();
    }

    /** The event processors' segments shared fairly among the service's live instances. */
    @Bean
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, DataSource dataSource,
                                           ServiceInstances instances, MeterRegistry meterRegistry,
                                           ProcessorSettings settings) {
        return new SegmentBalancer(processing, new JdbcTemplate(dataSource), instances, meterRegistry, settings);
    }

    @Bean
    public ProcessorPositions processorPositions(Serializer serializer) {
        return new ProcessorPositions(serializer);
    }

    /**
     * Every command sent through the gateway carries its actor and correlation id, and is sent again when it lost a
     * race on its aggregate's stream ({@link ConflictRetryScheduler}).
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new RequestContextDispatchInterceptor())
                .retryScheduler(conflictRetries)
                .build();
    }

    @Bean
    public ConflictRetryScheduler conflictRetryScheduler(CommandSettings settings) {
        return new ConflictRetryScheduler(settings);
    }

    /**
     * A failed Kafka send must stop the outbox and retry later, never skip the event; Axon's default for
     * event handlers is to log and carry on. (With the outbox's dead-letter queue on, as by default, its
     * dead-lettering invoker propagates failures itself; this holds should the queue be switched off.)
     */
    @Bean
    public ConfigurerModule outboxErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CloudEventOutbox.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(BulkLane.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * A command-side lookup that cannot be written (a name claimed by a racing command, an operator deleted
     * meanwhile) must fail the command that applied the event and roll it back, not be logged and skipped.
     */
    @Bean
    public ConfigurerModule commandLookupErrorsFailTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(COMMAND_LOOKUPS, configuration -> PropagatingErrorHandler.instance());
    }
}

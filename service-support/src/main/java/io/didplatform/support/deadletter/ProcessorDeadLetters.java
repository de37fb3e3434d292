package io.didplatform.support.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import java.util.Set;

/**
 * Axon's sequenced dead-letter queue (on PostgreSQL, table {@code dead_letter_entry}) for every event processor
 * configured with {@code axon.eventhandling.processors.<name>.dlq.enabled: true}, with the platform's
 * {@link DeadLetterPolicy policy} and {@link IsolatingErrorHandler error handler}: an event its processing group
 * cannot handle waits there with the later events of its aggregate, and the rest of the stream flows. The invoker
 * remembers which sequences hold no dead letter, so a processor with an empty queue asks the database nothing more.
 */
class ProcessorDeadLetters implements ConfigurerModule {
    private final Set<String> processingGroups;
    private final EntityManagerProvider entityManagers;
    private final TransactionManager transactions;
    private final Serializer genericSerializer;
    private final Serializer eventSerializer;
    private final DeadLetterMeters meters;
    private final int batchAttempts;
    private final int maxSequences;

    ProcessorDeadLetters(Set<String> processingGroups, EntityManagerProvider entityManagers,
                         TransactionManager transactions, Serializer genericSerializer, Serializer eventSerializer,
                         DeadLetterMeters meters, int batchAttempts, int maxSequences) {
        this.processingGroups = processingGroups;
        this.entityManagers = entityManagers;
        this.transactions = transactions;
        this.genericSerializer = genericSerializer;
        this.eventSerializer = eventSerializer;
        this.meters = meters;
        this.batchAttempts = batchAttempts;
        this.maxSequences = maxSequences;
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        for (String group : processingGroups) {
            // a processor of the same name as its group: Axon's default assignment, which the services keep
            processing.registerDeadLetterQueue(group, configuration -> new ProcessorDeadLetterQueue(group,
                            JpaSequencedDeadLetterQueue.builder()
                                    .processingGroup(group)
                                    .entityManagerProvider(entityManagers)
                                    .transactionManager(transactions)
                                    .genericSerializer(genericSerializer)
                                    .eventSerializer(eventSerializer)
                                    .maxSequences(maxSequences)
                                    .maxSequenceSize(maxSequences)
                                    .build(), meters))
                    .registerDeadLetterPolicy(group, configuration -> new DeadLetterPolicy())
                    .registerErrorHandler(group, configuration -> new IsolatingErrorHandler(group, configuration, batchAttempts))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
        }
    }
}

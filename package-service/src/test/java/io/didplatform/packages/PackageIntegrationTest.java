package io.didplatform.packages;

import io.didplatform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test of this service that shares one Spring context, over real PostgreSQL and a
 * real Kafka broker. Deadlines are polled every second so start/end tests stay short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "db-scheduler.polling-interval=1s")
public abstract class PackageIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_package_it");
    }
}

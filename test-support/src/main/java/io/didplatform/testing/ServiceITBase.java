package io.didplatform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every service's integration tests work with: its REST API on the random port, its database and its own
 * JSON mapper. A service's base class extends it and adds {@code @SpringBootTest} with the service's settings
 * and {@link TestInfrastructure}.
 */
public abstract class ServiceITBase {
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
}

package io.didplatform.support.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the service's own PostgreSQL database when it does not exist yet, before the data source and
 * Flyway start, so a fresh PostgreSQL needs no manual step. Runs after the configuration files are read;
 * switched off with {@code did.database.create-if-missing=false}.
 */
public class DatabaseBootstrap implements EnvironmentPostProcessor, Ordered {
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("did.database.create-if-missing", Boolean.class, false)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url");
        Matcher matcher = url == null ? null : JDBC_URL.matcher(url);
        if (matcher == null || !matcher.matches()) {
            return;
        }
        String database = matcher.group(2);
        String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        createIfMissing(maintenanceUrl, database, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    static void createIfMissing(String maintenanceUrl, String database, String user, String password) {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            // 42P04: another service instance created it first. Anything else: let the data source report it.
            if (!"42P04".equals(e.getSQLState())) {
                System.err.println("Could not create database " + database + ": " + e.getMessage());
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

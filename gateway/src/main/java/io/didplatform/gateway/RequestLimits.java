package io.didplatform.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies ({@code did.gateway.*}); the defaults are in application.yml, next to the environment
 * variables that set them ({@code DID_REQUEST_MAX_SIZE}, {@code DID_IMPORT_MAX_SIZE}).
 *
 * @param maxBodySize   any request but an upload
 * @param maxUploadSize an upload (the DID import): the same setting as did-inventory-service's own upload limit
 */
@ConfigurationProperties("did.gateway")
record RequestLimits(DataSize maxBodySize, DataSize maxUploadSize) {
}

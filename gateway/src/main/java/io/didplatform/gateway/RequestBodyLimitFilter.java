package io.didplatform.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what a request may send: an upload (multipart, the DID import) up to {@code did.gateway.max-upload-size},
 * the same setting as inventory's own upload limit, any other body up to {@code did.gateway.max-body-size}. A
 * larger one is answered 413 problem+json: at once when its {@code Content-Length} says so, otherwise as soon as
 * the streamed body passes the limit, before the service has read all of it.
 */
@Component
class RequestBodyLimitFilter implements GlobalFilter, Ordered {
    private final ProblemResponses problems;
    private final long maxBody;
    private final long maxUpload;

    RequestBodyLimitFilter(ProblemResponses problems, RequestLimits limits) {
        this.problems = problems;
        this.maxBody = limits.maxBodySize().toBytes();
        this.maxUpload = limits.maxUploadSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = isUpload(request) ? maxUpload : maxBody;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server reads no more than the declared length
        }
        return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build())
                .onErrorResume(BodyTooLarge.class, e -> tooLarge(exchange, limit));
    }

    private static boolean isUpload(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        return type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, HttpStatus.valueOf(413), "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + readable(limit) + ", the most this request may send.");
    }

    private static String readable(long bytes) {
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return DataSize.ofBytes(bytes).toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? DataSize.ofBytes(bytes).toKilobytes() + " KB" : bytes + " bytes";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    /** A body sent without a length (chunked), failing once more than the limit has arrived. */
    private static final class CountedBody extends ServerHttpRequestDecorator {
        private final long limit;

        CountedBody(ServerHttpRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }

    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}

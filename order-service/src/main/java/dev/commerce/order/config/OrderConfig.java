package dev.commerce.order.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** order.* settings; every one can be overridden by environment variable (see application.properties). */
@ConfigMapping(prefix = "order")
public interface OrderConfig {

    Db db();

    Checkout checkout();

    Paging paging();

    Outbox outbox();

    Reconciler reconciler();

    interface Db {

        /** statement_timeout of every connection: no request-path statement runs longer. */
        Duration statementTimeout();

        /** idle_in_transaction_session_timeout: a stalled transaction never holds row locks for long. */
        Duration idleInTransactionTimeout();

        /** How long a request waits for a pooled connection before the database counts as unavailable. */
        Duration connectionTimeout();

        /** Requests queued for a connection beyond the pool size; more are refused at once. */
        int maxWaitQueue();

        /** Retries of idempotent work (reads) after a connection failure, with exponential backoff. */
        int readRetries();

        Duration readRetryBackoff();

        /** Retry-After sent with 503 while the database is unreachable. */
        Duration retryAfter();

        /** Connect with IAM authentication tokens instead of a password. */
        boolean iamAuth();

        /** Secrets Manager secret (JSON with username and password) holding the database password. */
        Optional<String> secretArn();

        String region();

        /** IAM tokens are valid 15 minutes; a new one is generated after this age. */
        Duration iamTokenRefresh();

        /** How long a password read from Secrets Manager is reused (rotation is picked up after this). */
        Duration secretRefresh();
    }

    interface Checkout {

        /** TTL of the session-service lock held on the cart during checkout. */
        Duration lockTtl();

        /** session-service rate-limit policy checked per customer before each checkout. */
        String rateLimitPolicy();

        /** Most cart lines one order may have (catalog reserves at most 100 per call). */
        int maxLines();

        /** How long a running checkout owns its Idempotency-Key. */
        Duration idempotencyLease();

        /** How long a completed checkout's response is replayed for its key. */
        Duration idempotencyRetention();

        /** How long a duplicate request waits for the running one to finish. */
        Duration inProgressWait();

        Duration inProgressPoll();

        /** Retry-After sent with 503 while catalog-service or session-service is unavailable. */
        Duration dependencyRetryAfter();
    }

    interface Paging {

        int defaultLimit();

        int maxLimit();
    }

    interface Outbox {

        boolean enabled();

        Duration pollInterval();

        int batchSize();

        /** How long a claimed row belongs to its worker; longer than any downstream call with its retries. */
        Duration lease();

        Duration initialBackoff();

        Duration maxBackoff();

        Duration releaseNotFoundGrace();

        /** Processed rows are deleted after this. */
        Duration retention();
    }

    interface Reconciler {

        boolean enabled();

        Duration interval();

        int batchSize();
    }
}

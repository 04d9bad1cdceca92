package dev.commerce.order.domain;

import java.time.Instant;
import java.util.UUID;

/** A claimed outbox row: the task, how often it was tried (this claim included), and the claim's token. */
public record OutboxEntry(long id, OutboxTask task, int attempts, UUID claimToken, Instant createdAt) {
}

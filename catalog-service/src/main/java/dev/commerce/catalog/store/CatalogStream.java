package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.s;
import static dev.commerce.catalog.store.Attributes.time;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.domain.ProductChange;
import dev.commerce.catalog.domain.ProductChange.Placement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's DynamoDB Stream shard by shard (a child shard only after its parent is finished, so one
 * product's changes arrive in order), turns product item records into {@link ProductChange}s, and keeps a
 * checkpoint item per shard: the sequence number of the last record whose batch was handled. After a restart
 * reading resumes right after the checkpoint, so at most the batch in flight is read twice.
 * <p>
 * Checkpoints are written only after batches that held product changes: every checkpoint write is itself a stream
 * record, and checkpointing batches of nothing but such records would never come to rest.
 * Blocking: for the consumer's worker thread.
 */
@ApplicationScoped
public class CatalogStream {

    private static final Logger LOG = Logger.getLogger(CatalogStream.class);
    private static final String SHARD_ID = "shardId";
    private static final String SEQUENCE = "sequenceNumber";
    private static final String FINISHED = "finished";
    private static final String UPDATED_AT = "updatedAt";
    private static final int RECORDS_PER_READ = 1000;

    private record Checkpoint(Optional<String> sequence, boolean finished) {
    }

    private final DynamoDbStreamsClient streams;
    private final DynamoDbClient dynamo;
    private final CatalogTable table;
    private final CatalogConfig config;
    /** Where reading continues in each shard being read, while this instance keeps reading. */
    private final Map<String, String> iterators = new HashMap<>();
    private String streamArn;
    private volatile Duration lag = Duration.ZERO;

    public CatalogStream(DynamoDbStreamsClient streams, DynamoDbClient dynamo, CatalogTable table, CatalogConfig config) {
        this.streams = streams;
        this.dynamo = dynamo;
        this.table = table;
        this.config = config;
    }

    /**
     * Reads the next records of every shard that may be read now and hands each batch's product changes to
     * {@code handler}; a batch is checkpointed once the handler returns. When the handler throws, the shard is
     * re-read from its checkpoint on the next poll.
     *
     * @return the number of product changes handled
     */
    public synchronized int poll(Consumer<List<ProductChange>> handler) {
        if (streamArn == null) {
            streamArn = table.streamArn().orElse(null);
            if (streamArn == null) {
                return 0;
            }
        }
        String label = streamArn.substring(streamArn.lastIndexOf('/') + 1);
        List<Shard> shards = shards();
        Set<String> shardIds = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        Map<String, Checkpoint> checkpoints = checkpoints(label);
        int handled = 0;
        for (Shard shard : shards) {
            Checkpoint checkpoint = checkpoints.get(shard.shardId());
            if (checkpoint != null && checkpoint.finished()) {
                iterators.remove(shard.shardId());
                continue;
            }
            String parent = shard.parentShardId();
            boolean parentPending = parent != null && shardIds.contains(parent)
                    && !Optional.ofNullable(checkpoints.get(parent)).map(Checkpoint::finished).orElse(false);
            if (!parentPending) {
                handled += readShard(label, shard.shardId(), Optional.ofNullable(checkpoint), handler);
            }
        }
        return handled;
    }

    /** Forgets read positions and the stream (after losing the lease): reading restarts from the checkpoints. */
    public synchronized void forget() {
        iterators.clear();
        streamArn = null;
    }

    /** Age of the newest record read by the last read that returned any; zero once a read finds nothing new. */
    public Duration lag() {
        return lag;
    }

    private int readShard(String label, String shardId, Optional<Checkpoint> checkpoint, Consumer<List<ProductChange>> handler) {
        String iterator = iterators.computeIfAbsent(shardId, id -> iteratorAfter(id, checkpoint.flatMap(Checkpoint::sequence)));
        GetRecordsResponse response;
        try {
            response = streams.getRecords(b -> b.shardIterator(iterator).limit(RECORDS_PER_READ));
        } catch (ExpiredIteratorException e) {
            iterators.remove(shardId);
            return 0;
        }
        List<Record> records = response.records();
        List<ProductChange> changes = records.stream().map(CatalogStream::productChange).flatMap(Optional::stream).toList();
        if (!changes.isEmpty()) {
            try {
                handler.accept(changes);
            } catch (RuntimeException e) {
                iterators.remove(shardId);
                throw e;
            }
        }
        lag = records.isEmpty()
                ? Duration.ZERO
                : Duration.between(records.getLast().dynamodb().approximateCreationDateTime(), Instant.now());
        Optional<String> lastRead = records.isEmpty()
                ? checkpoint.flatMap(Checkpoint::sequence)
                : Optional.of(records.getLast().dynamodb().sequenceNumber());
        String next = response.nextShardIterator();
        if (next == null) {
            checkpoint(label, shardId, lastRead, true);
            iterators.remove(shardId);
        } else {
            if (!changes.isEmpty()) {
                checkpoint(label, shardId, lastRead, false);
            }
            iterators.put(shardId, next);
        }
        return changes.size();
    }

    private String iteratorAfter(String shardId, Optional<String> sequence) {
        try {
            return streams.getShardIterator(b -> {
                b.streamArn(streamArn).shardId(shardId);
                sequence.ifPresentOrElse(
                        seq -> b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(seq),
                        () -> b.shardIteratorType(ShardIteratorType.TRIM_HORIZON));
            }).shardIterator();
        } catch (TrimmedDataAccessException e) {
            LOG.warnf("Stream records of shard %s after %s were trimmed before being read; continuing from the oldest kept",
                    shardId, sequence.orElse("-"));
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String startAfter = null;
        do {
            String exclusiveStart = startAfter;
            StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(description.shards());
            startAfter = description.lastEvaluatedShardId();
        } while (startAfter != null);
        return shards;
    }

    private Map<String, Checkpoint> checkpoints(String label) {
        Map<String, Checkpoint> checkpoints = new HashMap<>();
        dynamo.queryPaginator(b -> b.tableName(config.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.stream(label)))))
                .items()
                .forEach(item -> checkpoints.put(item.get(SHARD_ID).s(), new Checkpoint(
                        Optional.ofNullable(item.get(SEQUENCE)).map(AttributeValue::s),
                        item.containsKey(FINISHED) && item.get(FINISHED).bool())));
        return checkpoints;
    }

    private void checkpoint(String label, String shardId, Optional<String> sequence, boolean finished) {
        Instant now = Instant.now();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.stream(label)));
        item.put(Keys.SK, s(Keys.shard(shardId)));
        item.put(SHARD_ID, s(shardId));
        sequence.ifPresent(seq -> item.put(SEQUENCE, s(seq)));
        item.put(FINISHED, AttributeValue.fromBool(finished));
        item.put(UPDATED_AT, time(now));
        item.put(Keys.EXPIRES_AT, n(now.plus(config.stream().checkpointRetention()).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(config.table()).item(item));
    }

    static Optional<ProductChange> productChange(Record record) {
        Map<String, AttributeValue> keys = record.dynamodb().keys();
        String pk = keys.get(Keys.PK).s();
        if (!Keys.isProduct(pk, keys.get(Keys.SK).s())) {
            return Optional.empty();
        }
        return Optional.of(new ProductChange(Keys.productId(pk), new BigInteger(record.dynamodb().sequenceNumber()),
                placement(record.dynamodb().oldImage()), placement(record.dynamodb().newImage())));
    }

    private static Optional<Placement> placement(Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty() || !image.containsKey(ProductItems.STATUS)) {
            return Optional.empty();
        }
        return Optional.of(new Placement(image.get(ProductItems.CATEGORY).s(), ProductItems.status(image)));
    }
}

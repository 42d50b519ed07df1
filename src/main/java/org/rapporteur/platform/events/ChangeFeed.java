package org.rapporteur.platform.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.platform.mongo.GapFree;
import org.rapporteur.platform.mongo.MongoErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable change feed the indexes follow: an append-only log in MongoDB of the events they need,
 * numbered without gaps, shared by every node. It keeps its numbers gap-free the way the room log
 * does ({@code RoomLog}): an entry's {@code _id} is its number, a writer only ever inserts the number
 * after one it knows is stored, a number another writer took first fails on {@code _id} and the
 * writer reads the head again, and the head is found from a hint raised every so often and the ids
 * after it ({@link GapFree}, which the room log uses too). So an entry exists only once its
 * predecessor does, and a reader that has read up to n has missed nothing before n. After each append a small hint goes over the clustered event bus on
 * {@link Addresses#FEED_APPENDED}, so that followers on every node read at once rather than at their
 * next poll.
 *
 * <p>Features publish their index events on the event bus as before; {@link #record} takes those
 * published in this process into the feed (a local consumer, so each event is appended once, by the
 * node where it happened).
 */
public final class ChangeFeed {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
  /** How many ids one look-up for the head asks for. */
  private static final int PROBE = 128;
  /** The head hint is raised once per this many entries, so finding the head reads a page or two. */
  private static final int HINT_STRIDE = 64;
  /** Attempts of one append while other nodes keep taking its number. */
  private static final int ROUNDS = 20;
  private static final long RETRY_MILLIS = 10;
  private static final long GUESS_NANOS = 60_000_000_000L;

  private final Vertx vertx;
  private final ChangeFeedStore store;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long head = -1;
  private long headAt;
  private Future<Long> tail = Future.succeededFuture(0L);

  public ChangeFeed(Vertx vertx, ChangeFeedStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** One entry: its number, the address its event was published on, the event, and when it was appended. */
  public record Entry(long seq, String address, JsonObject body, Instant at) {}

  /** The highest number stored, and the number up to which entries were removed as too old. */
  public record State(long head, long trimmed) {}

  /** Takes every event published in this process on {@code addresses} into the feed, in the order published. */
  public ChangeFeed record(String... addresses) {
    for (String address : addresses) {
      consumers.add(vertx.eventBus().<JsonObject>localConsumer(address, message ->
          append(address, message.body()).onFailure(e ->
              log.error("Could not append an event on {} to the change feed; indexes miss it until rebuilt", address, e))));
    }
    return this;
  }

  /** Appends an event after every append this process asked for before it; answers its number. */
  public Future<Long> append(String address, JsonObject body) {
    Promise<Long> appended = Promise.promise();
    synchronized (this) {
      tail = tail.transform(previous -> insert(address, body, 1)).andThen(appended);
    }
    return appended.future();
  }

  private Future<Long> insert(String address, JsonObject body, int round) {
    return knownHead().compose(known -> {
      Entry entry = new Entry(known + 1, address, body, Instant.now());
      return store.insert(entry).map(v -> entry.seq());
    }).onSuccess(this::stored).recover(e -> {
      forgetHead();
      if (!MongoErrors.isDuplicateKey(e) || round >= ROUNDS) {
        return Future.failedFuture(e);
      }
      Future<Void> pause = round < 3 ? Future.succeededFuture() : vertx.timer(RETRY_MILLIS * round).mapEmpty();
      return pause.compose(v -> insert(address, body, round + 1));
    });
  }

  /**
   * The head this process last stored at, if recent, else read from storage. Recent, because the
   * number after an old guess may have been stored and then trimmed away: inserting it again would
   * succeed behind followers' cursors. An entry stored after a guess younger than {@link #GUESS_NANOS}
   * is younger than that too, and trimming keeps at least a day.
   */
  private synchronized Future<Long> knownHead() {
    return head >= 0 && System.nanoTime() - headAt < GUESS_NANOS ? Future.succeededFuture(head) : head();
  }

  private synchronized void forgetHead() {
    head = -1;
  }

  private void stored(long seq) {
    synchronized (this) {
      head = Math.max(head, seq);
      headAt = System.nanoTime();
    }
    vertx.eventBus().publish(Addresses.FEED_APPENDED, new JsonObject().put("seq", seq));
    if (seq % HINT_STRIDE == 0) {
      store.raiseStored(seq).onFailure(e -> log.warn("Could not record the change feed's head at {}", seq, e));
    }
  }

  /** The highest number stored, read from storage, so it is exact across nodes. */
  public Future<Long> head() {
    return state().map(State::head);
  }

  public Future<State> state() {
    return store.marks().compose(marks -> probe(Math.max(marks[0], marks[1]))
        .map(head -> new State(head, marks[1])));
  }

  private Future<Long> probe(long from) {
    return GapFree.head(from, PROBE, (after, upTo) -> store.range(after + 1, upTo), Entry::seq);
  }

  /**
   * Up to {@code limit} entries after {@code after}, in order and without a gap: empty when there are
   * none yet, or when the next ones were removed as too old (then {@link State#trimmed} is past {@code after}).
   */
  public Future<List<Entry>> read(long after, int limit) {
    return store.range(after + 1, after + limit).map(entries -> GapFree.contiguousPrefix(entries, after, Entry::seq));
  }

  /**
   * Removes the entries appended before {@code cutoff}, raising the trimmed mark first, so a follower
   * whose next entry is gone knows to rebuild; answers how many went.
   */
  public Future<Long> trimBefore(Instant cutoff) {
    return store.lastBefore(cutoff).compose(last -> last == 0 ? Future.succeededFuture(0L)
        : store.raiseTrimmed(last).compose(v -> store.removeThrough(last)));
  }

  public Future<Void> close() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }
}

package org.rapporteur.operate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.transport.RealtimeGateway;

/**
 * The application's own meters, under {@code rapporteur_}. Each is registered when the server starts,
 * so that a scrape shows it at zero before its first event.
 */
final class AppMetrics implements AutoCloseable {
  static final String MESSAGE = "message";
  private static final List<String> EXTRACTION_REASONS =
      List.of("overloaded", "timeout", "corrupt", "too-large", "unsupported", "empty", "encrypted", "unsafe");

  private final MeterRegistry registry;
  private final Counter stored;
  private final Counter delivered;
  private final Timer delivery;
  private JvmGcMetrics gc;

  AppMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.stored = Counter.builder("rapporteur.chat.messages.stored")
        .description("Chat messages stored in their room's log").register(registry);
    this.delivered = Counter.builder("rapporteur.chat.messages.delivered")
        .description("Chat messages handed to a connection (one per message and connection)").register(registry);
    this.delivery = Timer.builder("rapporteur.chat.delivery")
        .description("From a chat message's storage to its hand-out to the connections on one event loop")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** Counts stored chat messages as the room logs publish them, after storage, on this process's bus. */
  void countStoredMessages(EventBus bus) {
    bus.addOutboundInterceptor(delivery -> {
      if (delivery.message().address().startsWith(Addresses.ROOM_PREFIX)
          && delivery.message().body() instanceof JsonObject event
          && event.getValue("seq") instanceof Number
          && !event.containsKey(RoomLog.LIVE_ONLY)
          && MESSAGE.equals(event.getString("kind"))) {
        stored.increment();
      }
      delivery.next();
    });
  }

  void watch(RealtimeGateway<?> gateway) {
    for (String transport : List.of("websocket", "sse")) {
      gauge("rapporteur.realtime.connections", "Open realtime connections", gateway,
          g -> g.connectionsByTransport().get(transport), "transport", transport);
    }
    gauge("rapporteur.chat.replays.running", "Replays of missed events running now", gateway,
        g -> g.load().replaysRunning());
    gauge("rapporteur.chat.replays.waiting", "Replays waiting for their turn", gateway,
        g -> g.load().replaysWaiting());
    gauge("rapporteur.realtime.queued.bytes", "Bytes written to connections and not yet taken by their peers",
        gateway, g -> g.load().queuedBytes());
    gateway.observeDeliveries((kind, storedAt, subscribers) -> {
      if (MESSAGE.equals(kind)) {
        delivered.increment(subscribers);
        delivery.record(Duration.between(storedAt, Instant.now()));
      }
    });
  }

  void watch(ExtractorPool extractor) {
    gauge("rapporteur.extraction.queue.length", "Files waiting for an extractor child", extractor,
        ExtractorPool::queueLength);
    extraction("done", "none");
    EXTRACTION_REASONS.forEach(reason -> extraction("failed", reason));
    extractor.observeOutcomes((state, reason) -> extraction(state, reason == null ? "none" : reason).increment());
  }

  void index(String name, IndexPipeline index) {
    gauge("rapporteur.index.lag", "Changes received and not yet written to the index", index, IndexPipeline::lag,
        "index", name);
    gauge("rapporteur.index.feed.cursor", "The last change feed entry the index holds", index, IndexPipeline::cursor,
        "index", name);
    FunctionCounter.builder("rapporteur.index.rebuilds", index, IndexPipeline::rebuilds)
        .description("Rebuilds of the index from the database since the process started, the one at start included")
        .tags("index", name).register(registry);
  }

  private Counter extraction(String outcome, String reason) {
    return Counter.builder("rapporteur.extractions")
        .description("Extractions finished, by outcome and reason of failure")
        .tags("outcome", outcome, "reason", reason)
        .register(registry);
  }

  private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
    Gauge.builder(name, source, value).description(description).tags(tags).strongReference(true).register(registry);
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
      gc = null;
    }
  }
}

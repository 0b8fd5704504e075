package dev.parley.provider.catalog;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.StreamEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoProviderTests {

	final DemoProvider demo = new DemoProvider(Duration.ofMillis(1));

	@Test
	void streamsItsLabelledReplyWordByWordWithUsage() {
		ChatRequest request = ChatRequest.of(DemoProvider.MODEL, List.of(new ChatMessage("user", "first"),
				new ChatMessage("assistant", "x"), new ChatMessage("user", "hello Parley")));
		StringBuilder text = new StringBuilder();
		int deltas = 0;
		StreamEvent event;
		try (CompletionStream stream = this.demo.stream(request)) {
			event = stream.next();
			while (event instanceof StreamEvent.Delta delta) {
				text.append(delta.text());
				deltas++;
				event = stream.next();
			}
		}

		assertThat(text)
			.startsWith("This is Parley's demo model; no LLM provider is configured"
					+ " (set OPENAI_API_KEY / OPENAI_BASE_URL). You said: hello Parley\n\nWhile this reply streams")
			.endsWith("This is the end of the demo reply.");
		assertThat(deltas).isEqualTo(text.toString().split(" ").length);
		StreamEvent.Finish finish = (StreamEvent.Finish) event;
		assertThat(finish.finishReason()).isEqualTo("stop");
		assertThat(finish.usage().promptTokens()).isBetween(3, 6);
		assertThat(finish.usage().completionTokens()).isGreaterThan(20);
		assertThat(this.demo.complete(request).content()).isEqualTo(text.toString());
	}

	@Test
	void quotesAtMost200CharactersOfTheLastUserMessage() {
		String reply = DemoProvider.reply(List.of(new ChatMessage("user", "y".repeat(500))));

		assertThat(reply).contains("You said: " + "y".repeat(200) + "\n\n");
	}

	@Test
	void aReplyAtTheDefaultPaceLastsLongEnoughToStopOrLeaveAndResume() {
		Duration perWord = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("parley.provider", ProviderProperties.class)
			.demoWordDelay();
		int words = DemoProvider.words(DemoProvider.reply(List.of(new ChatMessage("user", "Hello")))).size();

		assertThat(perWord).as("a few words per 100 ms").isBetween(Duration.ofMillis(25), Duration.ofMillis(50));
		assertThat(perWord.multipliedBy(words)).as("the whole reply").isGreaterThan(Duration.ofSeconds(5));
	}

	@Test
	void closeCancelsAWaitingNextAtOnce() throws Exception {
		CompletionStream stream = new DemoProvider(Duration.ofSeconds(30))
			.stream(ChatRequest.of(DemoProvider.MODEL, List.of(new ChatMessage("user", "hi"))));
		Thread.ofVirtual().start(() -> {
			sleep();
			stream.close();
		});
		long start = System.nanoTime();

		assertThatThrownBy(stream::next).isInstanceOfSatisfying(ProviderException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.CANCELLED));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

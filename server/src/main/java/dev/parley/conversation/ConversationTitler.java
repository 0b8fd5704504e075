package dev.parley.conversation;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.parley.conversation.title.TitleModel;

/**
 * Gives a conversation a title written by a model once its first reply is complete, in
 * the background: the reply's path only hands the work over (never waits, never fails for
 * it). At most {@code titles.max-concurrent} calls run at once (a reply that ends while
 * that many run keeps its derived title), each abandoned after {@code titles.timeout}.
 * The title is written only while the conversation's title is none or derived (never over
 * the owner's), and then {@link ConversationUpdated} is published; when no model answers,
 * the title derived from the first message stays.
 */
@Component
class ConversationTitler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConversationTitler.class);

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final TitleModel model;

	private final ConversationProperties.Titles settings;

	private final ApplicationEventPublisher events;

	private final Semaphore permits;

	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("conversation-title-", 0).factory());

	ConversationTitler(ConversationRepository conversations, MessageRepository messages, TitleModel model,
			ConversationProperties properties, ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.messages = messages;
		this.model = model;
		this.settings = properties.titles();
		this.events = events;
		this.permits = new Semaphore(this.settings.maxConcurrent());
	}

	/**
	 * After the reply's transaction commits (a caller's group commit may hold it), so
	 * that the background sees the stored reply.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ReplyCompleted completed) {
		if (!this.settings.enabled() || completed.reply().parentId() == null || !this.permits.tryAcquire()) {
			return;
		}
		try {
			this.executor.execute(() -> {
				try {
					title(completed.reply());
				}
				catch (RuntimeException ex) {
					log.warn("Could not title conversation {}: {}", completed.reply().conversationId(), ex.toString());
				}
				finally {
					this.permits.release();
				}
			});
		}
		catch (RuntimeException ex) {
			this.permits.release();
		}
	}

	/**
	 * Titles the first exchange only, cheapest test first: a reply to a message at the
	 * top of the conversation (two key reads), of a conversation whose title is not the
	 * owner's or already generated (one more), and the only complete reply there (the
	 * first other one found ends that read, so a long conversation costs no more than a
	 * short one).
	 */
	private void title(Message reply) {
		Optional<Message> question = this.messages.find(reply.conversationId(), reply.parentId())
			.filter((m) -> m.role() == MessageRole.USER && m.parentId() == null);
		if (question.isEmpty()) {
			return;
		}
		Optional<Conversation> found = this.conversations.find(reply.conversationId());
		if (found.isEmpty() || !replaceable(found.get())
				|| this.messages.hasOtherCompleteReply(reply.conversationId(), reply.id())) {
			return;
		}
		Conversation conversation = found.get();
		Optional<String> title = ask(conversation, question.get().content(), reply.content());
		if (title.isPresent() && this.conversations.generatedTitle(conversation.id(), title.get())) {
			this.conversations.find(conversation.id())
				.ifPresent((now) -> this.events.publishEvent(new ConversationUpdated(now)));
		}
	}

	/** The model's title, or empty when it gave none in time. */
	private Optional<String> ask(Conversation conversation, String question, String answer) {
		Future<Optional<String>> call = this.executor
			.submit(() -> this.model.title(conversation.agentId(), question, answer));
		try {
			return call.get(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			log.info("No title for conversation {} within {}; it keeps its derived title", conversation.id(),
					this.settings.timeout());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			log.info("No title for conversation {} ({}); it keeps its derived title", conversation.id(),
					ex.getCause().toString());
			return Optional.empty();
		}
	}

	private static boolean replaceable(Conversation conversation) {
		return conversation.titleSource() == null || conversation.titleSource() == TitleSource.DERIVED;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}

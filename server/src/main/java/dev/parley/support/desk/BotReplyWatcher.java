package dev.parley.support.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.chat.ReplyFinished;
import dev.parley.support.contact.Contact;

/**
 * Follows the end of the bot's replies in support conversations (owned by a contact):
 * their failures count toward the inbox's handoff rule, the model's marker hands over.
 */
@Component
class BotReplyWatcher {

	private static final Logger log = LoggerFactory.getLogger(BotReplyWatcher.class);

	private final Desk desk;

	BotReplyWatcher(Desk desk) {
		this.desk = desk;
	}

	@EventListener
	void on(ReplyFinished finished) {
		if (Contact.contactOf(finished.ownerId()) == null) {
			return;
		}
		try {
			this.desk.botReplyEnded(finished.conversationId(), finished.reply());
		}
		catch (RuntimeException ex) {
			log.warn("Could not follow up the bot's reply {}", finished.reply().id(), ex);
		}
	}

}

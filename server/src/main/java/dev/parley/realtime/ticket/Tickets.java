package dev.parley.realtime.ticket;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Credentials;
import dev.parley.platform.Digests;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.realtime.RealtimeProblem;
import dev.parley.realtime.RealtimeProperties;

/**
 * Issues and redeems one-time tickets ({@code wst_...}): 32 random bytes, of which the
 * database keeps only the SHA-256, valid for {@code parley.realtime.ticket-ttl} and for
 * one socket. Redeeming reads the caller again ({@link Credentials#reauthenticate}), so a
 * ticket of a session revoked meanwhile opens nothing.
 */
@Service
public class Tickets {

	/** What every ticket starts with. */
	public static final String PREFIX = "wst_";

	private static final int RANDOM_BYTES = 32;

	private static final long CLEANUP_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

	private final TicketStore store;

	private final Credentials credentials;

	private final Clock clock;

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong lastCleanup = new AtomicLong();

	Tickets(TicketStore store, Credentials credentials, Clock clock, RealtimeProperties properties) {
		this.store = store;
		this.credentials = credentials;
		this.clock = clock;
		this.ttl = properties.ticketTtl();
	}

	/**
	 * A ticket issued: its text (shown once), when it stops being valid, and how long it
	 * is valid.
	 */
	public record Issued(String ticket, Instant expiresAt, Duration validFor) {
	}

	/** A new ticket for {@code caller}'s login session or API key. */
	public Issued issue(AuthenticatedUser caller) {
		Instant now = Jdbc.now(this.clock);
		cleanUpIfDue(now);
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		String ticket = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = now.plus(this.ttl);
		this.store.insert(Digests.sha256Hex(ticket),
				new TicketStore.Holder(caller.id(), caller.sessionId(), caller.apiKeyId()), expiresAt);
		return new Issued(ticket, expiresAt, this.ttl);
	}

	/**
	 * The caller a ticket stands for, as they are now; the ticket is used up.
	 * @throws ProblemException {@code invalid-ticket} for a ticket that is unknown, used
	 * or expired, or whose session or key no longer is valid
	 */
	public Authentication redeem(String ticket) {
		if (!wellFormed(ticket)) {
			throw ProblemException.of(RealtimeProblem.INVALID_TICKET, "This is not a ticket of this server");
		}
		Instant now = Jdbc.now(this.clock);
		cleanUpIfDue(now);
		Optional<TicketStore.Holder> holder = this.store.take(Digests.sha256Hex(ticket), now);
		if (holder.isEmpty()) {
			throw ProblemException.of(RealtimeProblem.INVALID_TICKET,
					"The ticket is unknown, was used already or has expired: get a new one");
		}
		TicketStore.Holder who = holder.get();
		try {
			return this.credentials.reauthenticate(who.userId(), who.sessionId(), who.apiKeyId());
		}
		catch (ProblemException ex) {
			throw ProblemException.of(RealtimeProblem.INVALID_TICKET,
					"The ticket's credential is no longer valid: " + ex.getMessage());
		}
	}

	private static boolean wellFormed(String ticket) {
		if (!ticket.startsWith(PREFIX) || ticket.length() > 100) {
			return false;
		}
		for (int i = PREFIX.length(); i < ticket.length(); i++) {
			char c = ticket.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
				return false;
			}
		}
		return ticket.length() > PREFIX.length();
	}

	/** Deletes expired tickets, at most once a minute per instance (any instance may). */
	private void cleanUpIfDue(Instant now) {
		long last = this.lastCleanup.get();
		long millis = now.toEpochMilli();
		if (millis - last >= CLEANUP_EVERY_MILLIS && this.lastCleanup.compareAndSet(last, millis)) {
			this.store.deleteExpired(now);
		}
	}

}

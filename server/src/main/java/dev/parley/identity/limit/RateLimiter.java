package dev.parley.identity.limit;

/**
 * Token buckets keyed by a limit and a subject (user id, API key id, IP address, e-mail
 * address); in-process or shared through Redis.
 */
interface RateLimiter {

	/** Takes one token if there is one. */
	RateDecision tryConsume(Limit limit, String subject);

	/** Tells whether one token could be taken, without taking it. */
	RateDecision estimate(Limit limit, String subject);

	/** Takes one token even when none is left, so the bucket goes into debt. */
	void penalize(Limit limit, String subject);

	/** Forgets the bucket: the subject starts again with a full one. */
	void reset(Limit limit, String subject);

}

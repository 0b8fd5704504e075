package dev.parley.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.parley.identity.apikey.ApiKeyRepository;
import dev.parley.identity.session.AccessTokens;
import dev.parley.identity.session.JwtSecret;
import dev.parley.identity.session.RefreshTokens;
import dev.parley.identity.session.SessionRepository;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.ParleyProperties;
import dev.parley.platform.cluster.RedisConfigured;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Parley's HTTP security: stateless bearer credentials (access tokens and API keys), the
 * access rule of every route, problem+json for 401 and 403, and the security headers. The
 * administration surface ({@code /api/v1/admin/**}, the actuator endpoints beyond health,
 * info and prometheus) needs an administrator's login session, never an API key
 * ({@link AdminSessionAuthorization}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

	private static final RequestMatcher WIDGET = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/widget/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/widget.js"));

	private static final String CONVERSATION = "/api/v1/conversations/*";

	/**
	 * An export job's download by its signed link (no login): the export feature checks
	 * the signature. Without one, the download needs a login like the rest of exports.
	 */
	private static final RequestMatcher SIGNED_EXPORT_DOWNLOAD = new AndRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/exports/jobs/*/download"),
			(request) -> request.getParameter("signature") != null);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, BearerAuthenticator authenticator, ProblemResponses problems,
			ObjectProvider<CallerBinding> bindingBeans, UserRepository users) throws Exception {
		List<CallerBinding> bindings = bindingBeans.orderedStream().toList();
		SecurityProblems refusals = new SecurityProblems(problems, bindings);
		RequestMatcher boundRoutes = (request) -> bindings.stream().anyMatch((binding) -> binding.covers(request));
		AdminSessionAuthorization adminSession = new AdminSessionAuthorization();
		http.csrf((csrf) -> csrf.disable())
			.cors(Customizer.withDefaults())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver((request) -> authenticator)
				.bearerTokenResolver(new OpenRouteTokenResolver(bindings))
				.authenticationEntryPoint(refusals))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.addFilterAfter(new BoundCallerFilter(bindings, users), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeGate(problems), BoundCallerFilter.class)
			.addFilterAfter(new UserLogContext(), BoundCallerFilter.class)
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(WIDGET),
						new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicies.APP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(WIDGET),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(WIDGET,
						new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicies.WIDGET)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.authorizeHttpRequests((requests) -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(OpenRouteTokenResolver.OPEN_ROUTES.toArray(String[]::new))
				.permitAll()
				.requestMatchers(boundRoutes)
				.hasAuthority(Scope.CHAT.authority())
				.requestMatchers(HttpMethod.GET, "/api/v1/users/me", "/api/v1/users/me/usage", "/api/v1/users/me/quota")
				.authenticated()
				.requestMatchers("/api/v1/auth/logout", "/api/v1/users/me", "/api/v1/users/me/**", "/api/v1/api-keys",
						"/api/v1/api-keys/**")
				.hasAuthority(Scope.SESSION_AUTHORITY)
				.requestMatchers("/api/v1/admin/**")
				.access(adminSession)
				.requestMatchers("/api/v1/widget/**")
				.permitAll()
				.requestMatchers("/api/v1/support/**")
				.hasAnyRole("AGENT", "ADMIN")
				.requestMatchers(SIGNED_EXPORT_DOWNLOAD)
				.permitAll()
				.requestMatchers("/api/v1/exports", "/api/v1/exports/**")
				.hasAuthority(Scope.CONVERSATIONS_READ.authority())
				.requestMatchers("/api/v1/imports", "/api/v1/imports/**")
				.hasAuthority(Scope.CONVERSATIONS_WRITE.authority())
				.requestMatchers(HttpMethod.POST, CONVERSATION + "/messages", CONVERSATION + "/messages/*/regenerate",
						CONVERSATION + "/stop")
				.hasAuthority(Scope.CHAT.authority())
				.requestMatchers(HttpMethod.GET, CONVERSATION + "/stream")
				.hasAuthority(Scope.CHAT.authority())
				.requestMatchers(HttpMethod.GET, "/api/v1/conversations", "/api/v1/conversations/**")
				.hasAuthority(Scope.CONVERSATIONS_READ.authority())
				.requestMatchers("/api/v1/conversations", "/api/v1/conversations/**")
				.hasAuthority(Scope.CONVERSATIONS_WRITE.authority())
				.requestMatchers("/v1/**")
				.hasAuthority(Scope.GATEWAY.authority())
				.requestMatchers(HttpMethod.GET, "/api/v1/agents", "/api/v1/agents/**")
				.hasAuthority(Scope.AGENTS_READ.authority())
				.requestMatchers("/api/v1/agents", "/api/v1/agents/**")
				.hasAuthority(Scope.AGENTS_WRITE.authority())
				.requestMatchers(HttpMethod.GET, "/api/v1/contexts", "/api/v1/contexts/**")
				.hasAuthority(Scope.CONTEXTS_READ.authority())
				.requestMatchers("/api/v1/contexts", "/api/v1/contexts/**")
				.hasAuthority(Scope.CONTEXTS_WRITE.authority())
				.requestMatchers("/api/**")
				.authenticated()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/actuator/**")
				.access(adminSession)
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/** Refuses to start when a binding names a user who cannot be bound. */
	@Bean
	BoundCallerCheck boundCallerCheck(ObjectProvider<CallerBinding> bindings, UserRepository users) {
		return new BoundCallerCheck(bindings.orderedStream().toList(), users);
	}

	/**
	 * No observations of Spring Security's own: they timed each of its filters and sent
	 * events before and after each (about a tenth of a gateway request's CPU), and
	 * nothing reads them; the request as a whole is still observed
	 * ({@code http_server_requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Hashes as Spring Security's default encoder does ({@code {bcrypt}...}, the only
	 * format Parley stores), at the cost {@code parley.identity.bcrypt-strength}.
	 */
	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
	}

	@Bean
	AccessTokens accessTokens(IdentityProperties properties, Secrets secrets, ParleyProperties parley) {
		SecretKey key = JwtSecret.load(properties.jwtSecret(), parley.dataDir(), secrets);
		return new AccessTokens(key, properties);
	}

	/** Refresh tokens whose successors derive from the same secret as access tokens. */
	@Bean
	RefreshTokens refreshTokens(IdentityProperties properties, Secrets secrets, ParleyProperties parley) {
		SecretKey key = JwtSecret.load(properties.jwtSecret(), parley.dataDir(), secrets);
		return new RefreshTokens(key, secrets);
	}

	/** Keys of other features' signed tokens, derived from the same secret. */
	@Bean
	SigningKeys signingKeys(IdentityProperties properties, Secrets secrets, ParleyProperties parley) {
		return new SigningKeys(JwtSecret.load(properties.jwtSecret(), parley.dataDir(), secrets));
	}

	@Bean
	BearerAuthenticator bearerAuthenticator(AccessTokens tokens, UserRepository users, SessionRepository sessions,
			ApiKeyRepository apiKeys, Clock clock, PrincipalCache cache) {
		return new BearerAuthenticator(tokens, users, sessions, apiKeys, clock, cache);
	}

	/**
	 * Without Redis, the cache is only used when no other instance can share the
	 * database: the embedded H2 file (not H2 over TCP), or
	 * {@code parley.identity.single-instance}.
	 */
	@Bean
	PrincipalCache principalCache(IdentityProperties properties, ObjectProvider<PrincipalBroadcast> broadcast,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		boolean embedded = databaseUrl.startsWith("jdbc:h2:") && !databaseUrl.startsWith("jdbc:h2:tcp:")
				&& !databaseUrl.startsWith("jdbc:h2:ssl:");
		return new PrincipalCache(properties.principalCacheTtl(), broadcast.getIfAvailable(),
				embedded || properties.singleInstance());
	}

	@Bean(destroyMethod = "close")
	@Conditional(RedisConfigured.class)
	PrincipalBroadcast principalBroadcast(RedisLink link) {
		return new PrincipalBroadcast(link);
	}

}

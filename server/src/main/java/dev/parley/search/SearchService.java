package dev.parley.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;

/** Searches the current user's conversations and messages. */
@Service
class SearchService {

	private final SearchRepository repository;

	private final CurrentUser currentUser;

	SearchService(SearchRepository repository, CurrentUser currentUser) {
		this.repository = repository;
		this.currentUser = currentUser;
	}

	Page<SearchHit> search(SearchQuery query, int limit, @Nullable String cursor) {
		SearchCursor after = (cursor != null) ? SearchCursor.decode(cursor) : null;
		String owner = this.currentUser.id();
		List<SearchRepository.Ranked> ranked = this.repository.rank(owner, query, after, limit + 1);
		Page<SearchRepository.Ranked> page = Page.of(ranked, limit,
				(last) -> new SearchCursor(last.score(), last.createdAt(), last.itemId()).encode());
		Map<UUID, @Nullable String> titles = this.repository.titles(owner,
				page.items().stream().map(SearchRepository.Ranked::conversationId).distinct().toList());
		Map<UUID, SearchRepository.MessageText> messages = this.repository.messages(owner,
				page.items().stream().map(SearchRepository.Ranked::messageId).filter(Objects::nonNull).toList());
		return page.map((hit) -> {
			String title = titles.get(hit.conversationId());
			SearchRepository.MessageText message = (hit.messageId() != null) ? messages.get(hit.messageId()) : null;
			// A hit deleted between the two queries shows its title or an empty snippet.
			String text = (hit.messageId() != null) ? ((message != null) ? message.content() : "")
					: Objects.requireNonNullElse(title, "");
			Snippets.Snippet snippet = Snippets.of(text, query.terms());
			return new SearchHit(hit.conversationId(), title, hit.messageId(),
					(message != null) ? message.role() : null, snippet.text(), snippet.highlights(), hit.createdAt(),
					hit.score());
		});
	}

}

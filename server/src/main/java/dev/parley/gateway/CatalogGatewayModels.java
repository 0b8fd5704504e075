package dev.parley.gateway;

import java.util.List;
import java.util.Optional;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.ProviderProblem;

/**
 * The gateway's models straight from the provider catalog: its model names, each routed
 * as the chat feature routes a model name, with no parameters and no prelude.
 */
class CatalogGatewayModels implements GatewayModels {

	private final ProviderCatalog catalog;

	CatalogGatewayModels(ProviderCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Optional<GatewayModel> find(String idOrName) {
		if (idOrName == null || idOrName.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(model(idOrName.strip()));
		}
		catch (ProblemException ex) {
			if (ex.type() == ProviderProblem.UNKNOWN_MODEL) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public List<GatewayModel> list() {
		return this.catalog.models().stream().map(this::model).toList();
	}

	private GatewayModel model(String name) {
		return new GatewayModel(name, name, this.catalog.routeForModel(name), ModelParams.NONE, List.of(), null);
	}

}

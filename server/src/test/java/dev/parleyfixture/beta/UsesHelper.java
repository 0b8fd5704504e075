package dev.parleyfixture.beta;

import dev.parleyfixture.alpha.AlphaApi;
import dev.parleyfixture.alpha.inner.PublicHelper;

/** Uses alpha's API (allowed) and a public type of alpha's sub-package (a violation). */
public final class UsesHelper {

	public String call(AlphaApi alpha) {
		return alpha.greet() + PublicHelper.help();
	}

}

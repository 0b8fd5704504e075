package dev.parleyfixture.alpha.inner;

/** Public so that alpha's other sub-packages can use it; still internal to alpha. */
public final class PublicHelper {

	private PublicHelper() {
	}

	public static String help() {
		return "help";
	}

}

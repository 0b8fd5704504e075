package dev.parleyfixture.alpha;

/** Alpha's API: other modules may use it. */
public interface AlphaApi {

	String greet();

}

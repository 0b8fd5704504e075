/** The fixture module whose API is its root package. */
package dev.parleyfixture.alpha;

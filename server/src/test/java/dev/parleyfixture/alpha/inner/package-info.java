/** A sub-package of the fixture module alpha, internal to it. */
package dev.parleyfixture.alpha.inner;

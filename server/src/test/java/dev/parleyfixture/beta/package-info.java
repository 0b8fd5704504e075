/** The fixture module that uses alpha's API and, wrongly, one of its internals. */
package dev.parleyfixture.beta;

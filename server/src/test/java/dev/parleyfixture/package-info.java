/**
 * A tiny application of two modules, outside Parley's packages, that breaks the module
 * boundary on purpose (dev.parley.ModuleBoundaryTests).
 */
package dev.parleyfixture;

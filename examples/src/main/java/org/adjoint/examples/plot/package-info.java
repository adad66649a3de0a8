/**
 * Headless PNG plots for the examples, drawn with JFreeChart 1.5.
 *
 * <ul>
 *   <li>{@link org.adjoint.examples.plot.LineChart}: lines and markers, optionally on log10 axes
 *       (loss curves, step sizes, convergence rates).</li>
 *   <li>{@link org.adjoint.examples.plot.Landscape}: a function of two variables sampled on a grid,
 *       drawn as a heat map with a colour bar and contour lines, with optimizer trajectories and
 *       labelled points on top.</li>
 *   <li>{@link org.adjoint.examples.plot.MarchingSquares}: the contour lines themselves, since
 *       JFreeChart 1.5 has no contour plot.</li>
 * </ul>
 *
 * <p>The chart classes are small mutable builders: every configuring method changes the chart and
 * returns it, so calls can be chained or made one statement at a time. Input arrays are copied.
 * Loading either chart class sets {@code java.awt.headless=true} unless the property is already
 * set. Bad input throws {@link java.lang.IllegalArgumentException} naming the chart, the series and
 * the offending values; points with a non-finite coordinate are skipped, not drawn.
 */
package org.adjoint.examples.plot;

/**
 * The calculations behind run charts, SPC charts and funnel plots of improvement measures: centre lines and limits
 * per segment, the published rules that find signals, the "Making Data Count" icons and a plain-English sentence of
 * what the rules found. Everything is pure: values in, a {@link org.colearn.server.improvement.charts.Chart} out,
 * through {@link org.colearn.server.improvement.charts.Charts}. It must not touch the database, the network, files
 * or the clock, and knows nothing of sites, measures or who may see them.
 */
package org.colearn.server.improvement.charts;

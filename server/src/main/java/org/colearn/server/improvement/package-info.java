/**
 * Data for improvement: the measures of a collaborative and of its sites, each site's values per period with the
 * history of every correction, the tokens with which a site's own systems send values, the PDSA log, and the charts
 * of a site's measure and of a measure across sites. The calculations of the charts live in {@code charts}, which
 * knows nothing of the database; this package reads and guards the data and never lets a site's data reach a person
 * who may not see them.
 */
package org.colearn.server.improvement;

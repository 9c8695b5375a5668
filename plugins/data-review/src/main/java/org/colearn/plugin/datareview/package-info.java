/**
 * The data review activity: the facilitator brings each site's chart of one common measure to the screen in turn, the
 * site's members present it, people ask the site questions and note what they will take back. Built on the plugin API
 * only; a site's chart, and the questions about it, reach only the people who may see the site's data.
 */
package org.colearn.plugin.datareview;

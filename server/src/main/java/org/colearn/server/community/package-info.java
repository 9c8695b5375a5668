/**
 * The community core: collaboratives, their sites and members, invitation links and CSV import. Owns the role checks
 * of a collaborative ({@code Access}); must not reach into live sessions or plugins, which build on it.
 */
package org.colearn.server.community;

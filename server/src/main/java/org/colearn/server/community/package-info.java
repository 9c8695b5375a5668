/**
 * The community core: collaboratives, their sites and members, invitation links and CSV import. A membership imported
 * for an email address goes only to the account that proved the address, or that a facilitator confirms by hand.
 * Owns the role checks of a collaborative ({@code Access}); must not reach into live sessions or plugins, which build
 * on it.
 */
package org.colearn.server.community;

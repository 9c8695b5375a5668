package org.colearn.server.buddies.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A site's topics prepared once per run (normalised keys), since a run scores every pair of sites. */
final class Topics {

    final SiteProfile site;
    final List<String> offers;
    final String[] offerKeys;
    final Set<String> wantKeys;
    final Integer stage;

    Topics(SiteProfile site) {
        this.site = site;
        this.offers = site.offers().stream().map(String::strip).toList();
        this.offerKeys = offers.stream().map(SiteProfile::key).toArray(String[]::new);
        this.wantKeys = new HashSet<>();
        site.wants().forEach(want -> wantKeys.add(SiteProfile.key(want)));
        this.stage = site.overallStage();
    }
}

/** Starts the app: the routes, the header, the live-connection check, and what happens when a login ends. */
import * as api from './api.js';
import { accountPage } from './pages/account.js';
import { checkConnectivity } from './connectivity.js';
import { renderNav } from './header.js';
import { loginPage, signupPage } from './pages/login.js';
import { collaborativesPage } from './pages/collaboratives.js';
import { collaborativePage } from './pages/collaborative/page.js';
import { buddiesPage } from './pages/buddies/hub.js';
import { profilePage } from './pages/buddies/profile.js';
import { roundPage } from './pages/buddies/round.js';
import { spacePage } from './pages/buddies/space.js';
import { guestPage } from './pages/guest.js';
import { joinPage } from './pages/join.js';
import { verifyPage } from './pages/verify.js';
import { forgotPage, resetPage } from './pages/reset.js';
import { livePage } from './pages/live/page.js';
import { presentPage } from './pages/live/present.js';
import { cataloguePage } from './pages/stories/catalogue.js';
import { moderationPage } from './pages/stories/moderation.js';
import { editStoryPage } from './pages/stories/edit.js';
import { keyedStoryPage } from './pages/stories/keyed.js';
import { storyPage } from './pages/stories/story.js';
import { writeStoryPage } from './pages/stories/write.js';
import { measuresPage } from './pages/improvement/measures.js';
import { overviewPage } from './pages/improvement/overview.js';
import { siteMeasurePage } from './pages/improvement/site-measure.js';
import { route, start, toLogin } from './router.js';
import * as session from './session.js';
import * as status from './status.js';

route(/^\/$/, collaborativesPage, { auth: true });
route(/^\/login$/, loginPage);
route(/^\/account$/, accountPage, { auth: true });
route(/^\/signup$/, signupPage);
route(/^\/collaboratives\/([0-9a-fA-F-]{36})$/, collaborativePage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/stories$/, cataloguePage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/stories\/new$/, writeStoryPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/stories\/moderation$/, moderationPage, { auth: true });
route(/^\/stories\/([0-9a-fA-F-]{36})$/, storyPage, { auth: true });
route(/^\/stories\/([0-9a-fA-F-]{36})\/edit$/, editStoryPage, { auth: true });
route(/^\/my-anonymous-story$/, keyedStoryPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/buddies$/, buddiesPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/measures$/, measuresPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/measures\/([0-9a-fA-F-]{36})$/, overviewPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/sites\/([0-9a-fA-F-]{36})\/measures\/([0-9a-fA-F-]{36})$/, siteMeasurePage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/buddies\/profiles\/([0-9a-fA-F-]{36})$/, profilePage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/buddies\/rounds\/([0-9a-fA-F-]{36})$/, roundPage, { auth: true });
route(/^\/collaboratives\/([0-9a-fA-F-]{36})\/buddies\/spaces\/([0-9a-fA-F-]{36})$/, spacePage, { auth: true });
// The live page lets in members who are logged in and guests with a pass for that session; it sends others to log in.
route(/^\/sessions\/([0-9a-fA-F-]{36})$/, livePage);
// The presenter view of a session, for a projector: members only (it shows the join code to facilitators).
route(/^\/sessions\/([0-9a-fA-F-]{36})\/present$/, presentPage, { auth: true });
route(/^\/join\/([A-Za-z0-9_-]{1,64})$/, joinPage);
// The link mailed to an address; it confirms the address of the account that is logged in, so it asks for a login.
route(/^\/verify\/([A-Za-z0-9_-]{1,100})$/, verifyPage, { auth: true });
// The link mailed by "Forgot password?"; it logs in, so it needs no login.
route(/^\/forgot$/, forgotPage);
route(/^\/reset\/([A-Za-z0-9_-]{1,100})$/, resetPage);
route(/^\/guest$/, guestPage);
route(/^\/guest\/([A-Za-z0-9-]{1,16})$/, guestPage);

const nav = document.getElementById('site-nav');
status.attach(document.getElementById('status'));
renderNav(nav);
session.onChange((reason) => {
  renderNav(nav);
  if (reason === 'expired') toLogin('Your login has ended. Please log in again.');
  if (reason === 'signed-out-elsewhere') toLogin('You logged out in another tab. Log in again to go on.');
});

// Skip link: move focus into main without touching the hash, which belongs to the router.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  const main = document.getElementById('main');
  (main.querySelector('h1') ?? main).focus();
});

start(document.getElementById('view'));
checkConnectivity(document.getElementById('live-check'));

// Refresh the name in the header from the server once per load; a dead token sends the person to log in.
if (session.loggedIn()) {
  api.get('me').then(session.updateAccount).catch(() => {});
}

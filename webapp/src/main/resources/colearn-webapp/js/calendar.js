/**
 * "Add to calendar (.ics)": a learning session as an iCalendar file. A link to the file, so that it can be saved or
 * copied as any link; clicked, it is fetched with the person's login and saved, and a failure is said in words.
 */
import * as api from './api.js';
import { h, hidden } from './dom.js';
import * as status from './status.js';

/** `title`, when given, is read out after the link's words, telling apart the links of a list of sessions. */
export function calendarLink(sessionId, title = null) {
  const path = `sessions/${sessionId}/calendar.ics`;
  return h('a', {
    href: `api/${path}`,
    download: 'learning-session.ics',
    class: 'calendar-link',
    onclick: async (event) => {
      event.preventDefault();
      try {
        await api.download(path, 'learning-session.ics');
        status.announce(`${title ?? 'The session'} is downloaded as a calendar file: open it to add it to your calendar.`);
      } catch (error) {
        status.announce(`The calendar file could not be downloaded: ${error.message}`, 'error');
      }
    },
  }, 'Add to calendar (.ics)', title ? hidden(`: ${title}`) : null);
}

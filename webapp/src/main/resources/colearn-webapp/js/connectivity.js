/**
 * Checks whether this network lets WebSockets through (hospital proxies often do not), so that people learn it before
 * a live session rather than in one: opens /ws/connectivity, waits for hello, pings, expects pong. While the device is
 * offline it says so, as the live page does, and it checks again when the device is back online.
 */

const GIVE_UP_AFTER_MS = 8000;

export function checkConnectivity(indicator) {
  const text = indicator.querySelector('.live-check__text');
  const show = (state, message) => {
    indicator.dataset.state = state;
    text.textContent = message;
  };
  window.addEventListener('offline', () => show('warn', 'Offline: this device has no network connection.'));
  window.addEventListener('online', () => check(show));
  if (navigator.onLine === false) show('warn', 'Offline: this device has no network connection.');
  else check(show);
}

function check(show) {
  let settled = false;
  let socket = null;
  const settle = (ok) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (ok) show('ok', 'Live connection OK');
    else if (navigator.onLine === false) show('warn', 'Offline: this device has no network connection.');
    else show('warn', 'Live sessions may not work on this network: it blocks the live connection.');
    try {
      socket?.close(1000);
    } catch {
      // Already closed.
    }
  };
  const timer = setTimeout(() => settle(false), GIVE_UP_AFTER_MS);
  try {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${scheme}//${location.host}/ws/connectivity`);
  } catch {
    settle(false);
    return;
  }
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      settle(false);
      return;
    }
    if (message.type === 'hello') socket.send(JSON.stringify({ type: 'ping' }));
    else if (message.type === 'pong') settle(true);
  });
  socket.addEventListener('error', () => settle(false));
  socket.addEventListener('close', () => settle(false));
}

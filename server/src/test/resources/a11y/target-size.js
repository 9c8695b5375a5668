/*
 * WCAG 2.2 Success Criterion 2.5.8 Target Size (Minimum, AA) on the page as it is now, for the browser tests: the
 * axe-core on the test classpath predates WCAG 2.2. Run as the body of a function; returns as JSON how many targets it
 * checked, the undersized ones an exception lets pass (with the exception), and the violations in axe's shape (id,
 * impact, help, nodes with target, html and failureSummary), an empty list when every target passes.
 *
 * A target passes when its box is at least 24 by 24 CSS pixels, or under one of the criterion's exceptions that a
 * page can show: Spacing (a 24 px circle centred on the box touches neither another target's box nor another
 * undersized target's circle), Inline (a link or button in a block with other text) and User agent control (a native
 * control as large as the same control free of the page's CSS). The Equivalent and Essential exceptions need a
 * person's judgement and are not checked.
 */
const MINIMUM = 24;
const RADIUS = MINIMUM / 2;
// Layout gives fractions of a pixel: within a hundredth of one is as far as anyone can point.
const TOLERANCE = 0.01;
const ROLES = ['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option'];
const NATIVE = 'button, a[href], input:not([type=hidden]), select, textarea, summary';
const CANDIDATES = NATIVE + ', ' + ROLES.map(role => '[role=' + role + ']').join(', ') + ', [tabindex]';

function shown(element, box) {
  const style = getComputedStyle(element);
  if (element.getClientRects().length === 0 || style.visibility !== 'visible') {
    return false;
  }
  // Visually hidden text (1 px, clipped) and an unfocused skip link above the page are not there to be pointed at.
  return box.width > 1 && box.height > 1 && box.right + scrollX > 0 && box.bottom + scrollY > 0 && !clippedAway(element, box);
}

/** Whether a part of the page that scrolls on its own (an ancestor clipping its overflow) has the whole box scrolled out of it. */
function clippedAway(element, box) {
  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') {
      continue;
    }
    const edge = parent.getBoundingClientRect();
    if (box.bottom <= edge.top || box.top >= edge.bottom || box.right <= edge.left || box.left >= edge.right) {
      return true;
    }
  }
  return false;
}

function enabled(element) {
  return !element.matches(':disabled') && element.getAttribute('aria-disabled') !== 'true'
      && !element.closest('[inert]');
}

function isTarget(element) {
  if (element.matches(NATIVE) || ROLES.includes(element.getAttribute('role'))) {
    return true;
  }
  // A custom control: reachable by Tab and not a plain label.
  return element.tabIndex >= 0 && element.getAttribute('tabindex') !== null && element.tagName !== 'LABEL';
}

function union(a, b) {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  const right = Math.max(a.right, b.right);
  const bottom = Math.max(a.bottom, b.bottom);
  return {left, top, right, bottom, width: right - left, height: bottom - top};
}

/** The box a pointer can hit: a control's own box joined with those of the labels that activate it. */
function targetBox(element) {
  let box = element.getBoundingClientRect();
  for (const label of element.labels || []) {
    if (label.getClientRects().length > 0) {
      box = union(box, label.getBoundingClientRect());
    }
  }
  return box;
}

function undersized(box) {
  return box.width < MINIMUM - TOLERANCE || box.height < MINIMUM - TOLERANCE;
}

function block(element) {
  let parent = element.parentElement;
  while (parent && getComputedStyle(parent).display.startsWith('inline')) {
    parent = parent.parentElement;
  }
  return parent;
}

/** The Inline exception: a link or button set in a sentence, whose block holds words that are no target's. */
function inline(element, targets) {
  if (!element.matches('a[href], button, [role=link], [role=button]')
      || !getComputedStyle(element).display.startsWith('inline')) {
    return false;
  }
  const parent = block(element);
  if (!parent) {
    return false;
  }
  const walker = document.createTreeWalker(parent, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const inTarget = targets.some(other => other.element.contains(text));
    if (!inTarget && /[\p{L}\p{N}]/u.test(text.data)) {
      return true;
    }
  }
  return false;
}

/**
 * The User agent control exception: a native control whose size the page's CSS left alone, found by comparing it with
 * a copy of itself in a shadow root, where none of the page's style sheets apply.
 */
function userAgentSized(element, sandbox) {
  if (!element.matches('input, select, textarea')) {
    return false;
  }
  const copy = element.cloneNode(true);
  copy.removeAttribute('style');
  sandbox.replaceChildren(copy);
  const own = element.getBoundingClientRect();
  const plain = copy.getBoundingClientRect();
  return Math.abs(own.width - plain.width) < 0.5 && Math.abs(own.height - plain.height) < 0.5;
}

function centre(box) {
  return {x: box.left + box.width / 2, y: box.top + box.height / 2};
}

function circleTouchesBox(point, box) {
  const dx = point.x - Math.max(box.left, Math.min(point.x, box.right));
  const dy = point.y - Math.max(box.top, Math.min(point.y, box.bottom));
  return Math.hypot(dx, dy) < RADIUS - TOLERANCE;
}

/** The Spacing exception: the target that the 24 px circle on a small target would touch, or null when none is. */
function crowdedBy(target, targets) {
  const point = centre(target.box);
  return targets.find(other => {
    if (other === target || other.element.contains(target.element) || target.element.contains(other.element)) {
      return false;
    }
    if (circleTouchesBox(point, other.box)) {
      return true;
    }
    if (!undersized(other.box)) {
      return false;
    }
    const theirs = centre(other.box);
    // Circles that only touch, centres 24 px apart, leave each target its own 24 px.
    return Math.hypot(point.x - theirs.x, point.y - theirs.y) < MINIMUM - TOLERANCE;
  }) || null;
}

/** A CSS selector for {@code element}: from the nearest ancestor with an id, by tag and position among its kind. */
function selector(element) {
  const steps = [];
  for (let node = element; node && node.nodeType === Node.ELEMENT_NODE; node = node.parentElement) {
    if (node.id) {
      steps.unshift('#' + CSS.escape(node.id));
      break;
    }
    const tag = node.tagName.toLowerCase();
    const sameKind = node.parentElement ? [...node.parentElement.children].filter(c => c.tagName === node.tagName) : [];
    steps.unshift(sameKind.length > 1 ? tag + ':nth-of-type(' + (sameKind.indexOf(node) + 1) + ')' : tag);
  }
  return steps.join(' > ');
}

function size(box) {
  return Math.round(box.width * 10) / 10 + 'x' + Math.round(box.height * 10) / 10 + ' px';
}

const targets = [...document.querySelectorAll(CANDIDATES)]
    .filter(element => isTarget(element) && enabled(element))
    .map(element => ({element, box: targetBox(element)}))
    .filter(target => shown(target.element, target.element.getBoundingClientRect()));

const host = document.createElement('div');
host.style.cssText = 'all: initial; position: absolute; left: -10000px; top: 0;';
document.body.append(host);
const sandbox = host.attachShadow({mode: 'open'});
const nodes = [];
const exempt = [];
try {
  for (const target of targets) {
    if (!undersized(target.box)) {
      continue;
    }
    const exception = inline(target.element, targets) ? 'inline'
        : userAgentSized(target.element, sandbox) ? 'user agent control' : null;
    const neighbour = exception ? null : crowdedBy(target, targets);
    if (!neighbour) {
      exempt.push(selector(target.element) + ' ' + size(target.box) + ': ' + (exception || 'spacing'));
      continue;
    }
    const html = target.element.outerHTML;
    nodes.push({
      target: [selector(target.element)],
      html: html.length > 300 ? html.slice(0, 300) + '…' : html,
      failureSummary: 'Fix this: the target is ' + size(target.box) + ', under 24x24 px, and a 24 px circle on it '
          + 'touches ' + selector(neighbour.element) + ' (' + size(neighbour.box) + '); make it at least 24x24 px '
          + 'or move it apart'
    });
  }
} finally {
  host.remove();
}
return JSON.stringify({
  targets: targets.length,
  exempt,
  violations: nodes.length === 0 ? [] : [{
    id: 'target-size',
    impact: 'serious',
    help: 'WCAG 2.2 2.5.8 Target Size (Minimum): pointer targets must be at least 24x24 CSS px or spaced apart',
    nodes
  }]
});

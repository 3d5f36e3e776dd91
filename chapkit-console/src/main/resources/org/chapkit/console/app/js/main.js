// The console shell: navigation from pages.js, a hash router (#/page/sub/path), theme, credentials, banner.
import { pages } from './pages.js';
import { credential, get, onAuthProblem, setCredential } from './api.js';
import { errorBox, h, loading, mount } from './dom.js';

const page = document.getElementById('page');
const banner = document.getElementById('banner');
const nav = document.getElementById('nav');
let current = null;

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const entry = pages.find((p) => p.path === name) ?? pages[0];
  return { entry, params: rest.map(decodeURIComponent).filter(Boolean) };
}

async function show(event) {
  const { entry, params } = route();
  current?.controller.abort();
  current?.cleanup?.();
  const controller = new AbortController();
  const timers = [];
  controller.signal.addEventListener('abort', () => timers.forEach(clearInterval));
  current = { controller };
  for (const link of document.querySelectorAll('#nav-list a')) {
    link.toggleAttribute('aria-current', link.dataset.page === entry.path);
    if (link.dataset.page === entry.path) link.setAttribute('aria-current', 'page');
  }
  document.title = `${entry.title} · Chapkit Console`;
  nav.classList.remove('open');
  document.getElementById('nav-toggle').setAttribute('aria-expanded', 'false');
  mount(page, loading(`Loading ${entry.title}`));
  const ctx = {
    params,
    signal: controller.signal,
    /** Runs fn now and every ms until the page is left; errors are shown by the page itself. */
    every(ms, fn) {
      const run = () => { if (!controller.signal.aborted && !document.hidden) fn(); };
      timers.push(setInterval(run, ms));
      fn();
    },
    navigate(hash) {
      location.hash = hash;
    },
    /** Renders the page again (after a change that leaves the address as it is). */
    refresh() {
      show();
    },
  };
  try {
    const module = await entry.load();
    if (controller.signal.aborted) return;
    page.replaceChildren();
    page.dataset.page = entry.path;
    const cleanup = await module.default.render(page, ctx);
    if (current?.controller === controller) current.cleanup = cleanup;
    // After a navigation, keyboard users continue in the page they opened, not in the menu.
    if (event?.type === 'hashchange' && nav.contains(document.activeElement)) document.getElementById('main').focus({ preventScroll: true });
  } catch (error) {
    if (error.name !== 'AbortError') mount(page, errorBox(error, show));
  }
}

function buildNav() {
  const list = document.getElementById('nav-list');
  mount(list, pages.map((p) => h('li', {}, h('a', { href: `#/${p.path}`, 'data-page': p.path }, p.title))));
  document.getElementById('nav-toggle').addEventListener('click', (event) => {
    const open = nav.classList.toggle('open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
  });
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  document.getElementById('theme-button').textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

function setUpTheme() {
  const stored = localStorage.getItem('chapkit.console.theme');
  const preferred = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  applyTheme(stored ?? preferred);
  document.getElementById('theme-button').addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('chapkit.console.theme', next);
    applyTheme(next);
  });
}

function showCredentialState() {
  const c = credential();
  const state = document.getElementById('auth-state');
  state.hidden = !c;
  state.textContent = c ? (c.kind === 'bearer' ? 'Bearer token set' : 'API key set') : '';
}

function setUpCredentials() {
  const dialog = document.getElementById('auth-dialog');
  const form = document.getElementById('auth-form');
  document.getElementById('auth-button').addEventListener('click', () => {
    const c = credential();
    form.elements.value.value = c?.value ?? '';
    form.elements.kind.value = c?.kind ?? 'api-key';
    dialog.showModal();
    form.elements.value.focus();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'save' && form.elements.value.value.trim()) {
      setCredential({ kind: form.elements.kind.value, value: form.elements.value.value.trim() });
    } else if (dialog.returnValue === 'clear') {
      setCredential(null);
    } else {
      return;
    }
    banner.hidden = true;
    show();
    showServiceName();
  });
  window.addEventListener('chapkit:credential', showCredentialState);
  showCredentialState();
  onAuthProblem((error) => {
    mount(banner, h('p', {}, error.message), error.status === 401 || error.status === 403
      ? h('button', { type: 'button', class: 'button primary', onclick: () => document.getElementById('auth-button').click() }, 'Enter credentials')
      : null);
    banner.className = `banner banner-${error.status}`;
    banner.hidden = false;
  });
}

async function showServiceName() {
  try {
    const info = await get('api/v1/info');
    document.getElementById('service-name').textContent = info.display_name ?? info.id ?? 'Chapkit';
  } catch {
    // the Overview page shows the error; the brand keeps its default
  }
}

buildNav();
setUpTheme();
setUpCredentials();
window.addEventListener('hashchange', show);
show();
showServiceName();

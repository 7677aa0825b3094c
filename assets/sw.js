// Cairn's service worker: keeps the app shell in a cache so the app opens with no network.
// scripts/post-build.mjs fills in the file list and the version after Trunk hashes names.
const VERSION = '__CAIRN_VERSION__';
const FILES = __CAIRN_PRECACHE__;
const CACHE = `cairn-shell-${VERSION}`;
const scope = new URL(self.registration.scope);
const byName = new Map(FILES.map((f) => [f.split('/').pop(), new URL(f, scope).href]));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cairn-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks for the new version to take over once the user chose to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'cairn:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // Every page of the app is the same document; deep links resolve assets relative to
  // their own folder, so assets are matched by file name.
  const key = event.request.mode === 'navigate' ? new URL('index.html', scope).href : byName.get(url.pathname.split('/').pop()) ?? url.href;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key).then((hit) => hit ?? fetch(event.request))));
});

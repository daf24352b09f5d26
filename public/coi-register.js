// Registers coi-serviceworker.js (built site only). When the host did not send COOP/COEP, the page
// reloads once under the worker's control and is then cross-origin isolated.
(function () {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  var KEY = 'synthscore-coi-reload';
  var reloadOnce = function () {
    if (window.crossOriginIsolated || sessionStorage.getItem(KEY)) return;
    sessionStorage.setItem(KEY, '1');
    location.reload();
  };
  if (window.crossOriginIsolated) sessionStorage.removeItem(KEY);
  navigator.serviceWorker.register(new URL('coi-serviceworker.js', document.baseURI)).then(function (reg) {
    if (reg.active && !navigator.serviceWorker.controller) reloadOnce();
    navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
  }, function (err) {
    console.warn('SynthScore: service worker not registered:', err);
  });
  if (navigator.serviceWorker.controller) reloadOnce();
})();

// Keeps the newsletter's progress figures up to date while the coordinator watches. Without this script the page
// works the same, with a link that loads it again.
(function () {
  var box = document.getElementById('progress');
  if (!box || box.dataset.done === 'true') return;
  var refresh = document.getElementById('progress-refresh');
  if (refresh) refresh.hidden = true;
  var bar = document.getElementById('progress-bar');
  var last = '';
  function show(id, value) { document.getElementById(id).textContent = value; }
  function poll() {
    fetch(box.dataset.figures, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (f) {
        if (!f) return;
        show('figure-sent', f.sent); show('figure-waiting', f.waiting); show('figure-failed', f.failed);
        show('figure-skipped', f.skipped); show('figure-left', f.left);
        bar.max = Math.max(1, f.sent + f.waiting + f.failed + f.skipped);
        bar.value = f.sent + f.failed + f.skipped;
        // The live region speaks only when its sentence changes, not on every poll.
        if (f.summary !== last) { show('progress-summary', f.summary); last = f.summary; }
        if (f.done) { window.location.reload(); return; }
        setTimeout(poll, 3000);
      })
      .catch(function () { setTimeout(poll, 10000); });
  }
  last = document.getElementById('progress-summary').textContent;
  setTimeout(poll, 3000);
})();

// Demo page language switch: sets <html lang>, which the ect-widgets elements follow, and
// swaps the page's own words. `data-en` holds an element's English text, `data-en-<attr>` an
// attribute's English value; the Thai originals are kept on first switch.
// A classic script, not a module: the built demo loads exactly one module, ect-widgets.js.
(function () {
  var KEY = 'ect-demo-lang';

  function swap(lang) {
    document.querySelectorAll('*').forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attr) {
        if (attr.name.indexOf('data-en') !== 0) return;
        var target = attr.name === 'data-en' ? null : attr.name.slice('data-en-'.length);
        var thName = 'data-th' + (target ? '-' + target : '');
        if (!el.hasAttribute(thName)) {
          el.setAttribute(thName, target ? el.getAttribute(target) || '' : el.textContent.trim());
        }
        var value = lang === 'en' ? attr.value : el.getAttribute(thName);
        if (target) el.setAttribute(target, value);
        else el.textContent = value;
      });
    });
  }

  function setLang(lang) {
    document.documentElement.lang = lang;
    swap(lang);
    document.querySelectorAll('.lang-switch [data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Storage may be disabled; the switch still works for this visit.
    }
  }

  var saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  if (saved === 'en') setLang('en');

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.lang-switch [data-lang]');
    if (button) setLang(button.getAttribute('data-lang'));
  });
})();

// Demo page language switch: sets <html lang>, which the ect-widgets elements follow, and
// swaps the page's own words. `data-en` holds an element's English text, `data-en-<attr>` an
// attribute's English value; the Thai originals are kept on first switch (the Thai content as
// nodes, so its phrase spans come back; nodes rather than HTML, as Trusted Types forbid
// innerHTML strings in the built demo).
// A classic script, not a module: the built demo loads exactly one module, ect-widgets.js.
(function () {
  var KEY = 'ect-demo-lang';
  var thaiContent = new Map();

  function swap(lang) {
    document.querySelectorAll('*').forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attr) {
        if (attr.name.indexOf('data-en') !== 0) return;
        if (attr.name === 'data-en') {
          if (!thaiContent.has(el)) thaiContent.set(el, Array.from(el.childNodes));
          if (lang === 'en') el.textContent = attr.value;
          else el.replaceChildren.apply(el, thaiContent.get(el));
          return;
        }
        var target = attr.name.slice('data-en-'.length);
        var thName = 'data-th-' + target;
        if (!el.hasAttribute(thName)) el.setAttribute(thName, el.getAttribute(target) || '');
        el.setAttribute(target, lang === 'en' ? attr.value : el.getAttribute(thName));
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

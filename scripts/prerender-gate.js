// The pre-rendered first view's gate. scripts/post-build.mjs copies it into dist/ as a classic
// script in <head> (the CSP allows no inline script), so it runs before the body is parsed and
// painted. The picture (#prerender) shows the default park at its fitted view with no selection,
// filter or hidden layer, titled in the languages that <meta name="parkmap-prerender"> lists. When
// the URL asks for anything else it is hidden at once (the html class) and removed when parsed;
// otherwise the html element gets the language the app will choose, which picks the title.
(function () {
  var root = document.documentElement;
  var meta = document.querySelector('meta[name="parkmap-prerender"]');
  var rendered = meta ? meta.content.split(' ') : [];
  var query = new URLSearchParams(location.search);
  var hash = new URLSearchParams(location.hash.slice(1));
  // As src/i18n.rs: `?lang=` if it names a language, else the browser's first one the app has, else zh.
  var tag = function (t) {
    var primary = String(t || '').split(/[-_]/)[0].toLowerCase();
    return ['zh', 'en', 'ru'].indexOf(primary) >= 0 ? primary : null;
  };
  var lang = tag(query.get('lang'));
  var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; !lang && i < browser.length; i++) lang = tag(browser[i]);
  lang = lang || 'zh';
  // Every parameter of src/embed/url_state.rs that changes the first view (lang picks the title;
  // origins changes nothing on screen).
  var changing = ['embed', 'park', 'sel', 'ind', 'zone', 'cap', 'yr', 'hide', 'route', 'winter', 'loop',
    'site_type', 'site_area', 'site_use', 'site_status', 'site_kva', 'site_util', 'site_sale', 'site_rent'];
  var other = changing.some(function (k) { return query.has(k); }) || hash.has('map');
  if (other || rendered.indexOf(lang) < 0) {
    root.classList.add('prerender-off');
    document.addEventListener('DOMContentLoaded', function () {
      var el = document.getElementById('prerender');
      if (el) el.remove();
    });
  } else {
    root.lang = lang;
  }
})();

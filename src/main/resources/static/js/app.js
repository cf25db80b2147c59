// Project script, loaded from /js/app.js so that the Content-Security-Policy can forbid
// inline scripts.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Spring Security expects the CSRF token on every request that changes something;
  // htmx requests are not form submissions, so the token travels as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  // A flash message reports the action that led to the page. A later change made with
  // htmx swaps only part of the page, so the old message would stay as if it were news:
  // it goes once the next change has been answered.
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful && event.detail.requestConfig && event.detail.requestConfig.verb !== 'get') {
      ['flash', 'flash-error'].forEach(function (id) {
        var element = document.getElementById(id);
        if (element) {
          element.remove();
        }
      });
    }
  });

  // The server shows times in the viewer's zone and defaults forms to it; the browser
  // knows the zone, the server does not, and a cookie reaches every request, page or htmx.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) {
    // without Intl the server falls back to UTC
  }

  // Plain (non-htmx) forms that destroy something ask first; the question comes from the
  // page so that it is in the user's language. Forms htmx handles have already been
  // prevented and ask through hx-confirm, so they are not asked twice.
  document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) {
      return;
    }
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();

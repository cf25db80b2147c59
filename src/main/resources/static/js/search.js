// The top bar's search: "/" focuses it, suggestions appear as you type, arrow keys move
// through them, Enter opens the chosen one, Esc closes. Without this script the box is
// a plain form that opens the full results page.
(function () {
  'use strict';

  var form = document.querySelector('form.site-search');
  if (!form) {
    return;
  }
  var input = form.querySelector('input[name=q]');
  var list = form.querySelector('.site-search-results');
  var url = form.getAttribute('data-suggest');
  // a phone has no "/" key to press, and the longer hint does not fit its top bar
  var narrow = window.matchMedia('(max-width: 575.98px)');
  var longHint = input.getAttribute('placeholder');
  function hint() {
    input.setAttribute('placeholder', narrow.matches ? input.getAttribute('data-short-placeholder') || longHint : longHint);
  }
  hint();
  if (narrow.addEventListener) {
    narrow.addEventListener('change', hint);
  }
  var timer = null;
  var latest = 0;
  var active = -1;

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll('.suggest-option'));
  }

  function open(isOpen) {
    list.classList.toggle('show', isOpen);
    input.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
    if (!isOpen) {
      choose(-1);
    }
  }

  function choose(index) {
    var all = options();
    all.forEach(function (option, i) {
      option.classList.toggle('active', i === index);
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    active = index;
    if (index >= 0 && all[index]) {
      input.setAttribute('aria-activedescendant', all[index].id);
      all[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function fetchSuggestions() {
    var text = input.value.trim();
    if (!text) {
      list.innerHTML = '';
      open(false);
      return;
    }
    var ticket = ++latest;
    fetch(url + '?q=' + encodeURIComponent(text), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (ticket !== latest) {
          return; // an answer to an older query arrived late
        }
        list.innerHTML = html;
        choose(-1);
        open(html.trim().length > 0 && document.activeElement === input);
      })
      .catch(function () { open(false); });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });

  input.addEventListener('keydown', function (event) {
    var all = options();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!list.classList.contains('show')) {
        if (all.length) {
          open(true);
        }
        return;
      }
      event.preventDefault();
      // down stops at the last option; up from the first goes back to the text
      choose(event.key === 'ArrowDown' ? Math.min(active + 1, all.length - 1) : Math.max(active - 1, -1));
    } else if (event.key === 'Enter' && active >= 0 && all[active]) {
      event.preventDefault();
      window.location.assign(all[active].href);
    } else if (event.key === 'Escape') {
      if (list.classList.contains('show')) {
        event.preventDefault();
        open(false);
      } else {
        input.blur();
      }
    }
  });

  input.addEventListener('focus', function () {
    if (list.innerHTML.trim() && input.value.trim()) {
      open(true);
    }
  });

  document.addEventListener('click', function (event) {
    if (!form.contains(event.target)) {
      open(false);
    }
  });

  // "/" anywhere except in a field jumps to the search, as on many sites; the field stands
  // in the bar at every width, so no menu has to open first
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) {
      return;
    }
    event.preventDefault();
    input.focus();
    input.select();
  });
})();

// "#log-interaction" in the address (the home page's quick log) opens the page's
// "Log an interaction" form and puts the cursor in it; the form comes with the timeline,
// which htmx loads after the page.
(function () {
  'use strict';
  if (window.location.hash !== '#log-interaction') {
    return;
  }
  var done = false;
  function open() {
    var details = document.querySelector('details.log-interaction');
    if (done || !details) {
      return;
    }
    done = true;
    details.open = true;
    details.scrollIntoView({ block: 'start' });
    var field = details.querySelector('input:not([type=hidden]), textarea, select');
    if (field) {
      field.focus();
    }
  }
  open();
  document.addEventListener('htmx:afterSettle', open);
})();

// Long choice lists (countries, languages, time zones) become type-ahead fields: a
// <select data-choices> gets Tom Select, which finds an option by its name in the page's
// language or by its code, and shows a multiple choice as removable chips. Without this
// script the plain <select> still works.
(function () {
  'use strict';

  if (!window.TomSelect) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll('select[data-choices]'), function (select) {
    if (select.tomselect) {
      return;
    }
    var multiple = select.multiple;
    var noResults = document.querySelector('meta[name="choices-no-results"]');
    var settings = {
      searchField: ['text', 'value'],
      maxOptions: null,
      allowEmptyOption: !multiple,
      hidePlaceholder: true,
      closeAfterSelect: !multiple,
      plugins: multiple ? ['remove_button'] : [],
      // after a country is added the typed name goes, ready for the next one
      onItemAdd: function () {
        if (multiple) {
          this.setTextboxValue('');
          this.refreshOptions(false);
        }
      },
      render: {
        no_results: function (data, escape) {
          return '<div class="no-results">' + escape(noResults ? noResults.getAttribute('content') : '') + '</div>';
        }
      },
      // a typed code ("pl") ranks its country first, before names that merely contain it
      score: function (search) {
        var score = this.getScoreFunction(search);
        var code = search.trim().toUpperCase();
        return function (item) {
          return item.value === code ? 2 : score(item);
        };
      }
    };
    if (!select.hasAttribute('data-keep-order')) {
      settings.sortField = [{ field: '$score', direction: 'desc' }, { field: '$order', direction: 'asc' }];
    }
    new window.TomSelect(select, settings);
  });
})();

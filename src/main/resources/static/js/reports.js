// Report pages: charts drawn with Chart.js from the data attributes of each canvas (no
// inline script: the Content-Security-Policy forbids it), printing, and showing only the
// form fields that apply.
(function () {
  'use strict';

  var PALETTE = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#d63384', '#20c997', '#ffc107', '#6c757d',
    '#0dcaf0', '#dc3545'];

  function drawCharts(root) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas.report-chart').forEach(function (canvas) {
      if (canvas.getAttribute('data-drawn')) {
        return;
      }
      canvas.setAttribute('data-drawn', 'true');
      var kind = canvas.getAttribute('data-kind');
      var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
      var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
      var pie = kind === 'pie';
      new window.Chart(canvas, {
        type: kind,
        data: {
          labels: labels,
          datasets: [{
            label: canvas.getAttribute('data-title'),
            data: values,
            backgroundColor: pie ? labels.map(function (l, i) { return PALETTE[i % PALETTE.length]; }) : PALETTE[0],
            borderColor: PALETTE[0]
          }]
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: true,
          plugins: { legend: { display: pie } },
          scales: pie ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  function toggle(selector, visible) {
    document.querySelectorAll(selector).forEach(function (element) {
      element.hidden = !visible;
    });
  }

  function syncRunForm() {
    var period = document.querySelector('#report-run-form select[name="period"]');
    if (period) {
      toggle('.report-custom-dates', period.value === 'CUSTOM');
    }
  }

  function syncScheduleForm() {
    var frequency = document.querySelector('#schedule-form select[name="frequency"]');
    if (frequency) {
      var value = frequency.value;
      toggle('.schedule-weekly', value === 'WEEKLY');
      toggle('.schedule-monthly', value === 'MONTHLY');
      toggle('.schedule-picker', value !== 'CRON');
      toggle('.schedule-cron', value === 'CRON');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts(document);
    syncRunForm();
    syncScheduleForm();
  });
  // a finished run replaces the waiting page's #report (htmx polling): draw its charts
  document.addEventListener('htmx:afterSettle', function () {
    drawCharts(document);
  });
  document.addEventListener('change', function (event) {
    if (event.target.matches('#report-run-form select[name="period"]')) {
      syncRunForm();
    }
    if (event.target.matches('#schedule-form select[name="frequency"]')) {
      syncScheduleForm();
    }
  });
  document.addEventListener('click', function (event) {
    if (event.target.closest('.js-print')) {
      window.print();
    }
  });
})();

// The managers' home page: a world map coloured by organizations or interactions per
// country, drawn by ECharts from the geometry the app ships (world-atlas's TopoJSON under
// /vendor, turned into GeoJSON by topojson-client). Clicking a country opens its
// organizations; the table beside it says the same. Both come with the organizations per
// country, which htmx loads after the page (#home-countries): the map is drawn once that
// part has settled.
(function () {
  'use strict';

  function start() {
    var element = document.getElementById('world-map');
    if (!element || !window.echarts || !window.topojson || element.getAttribute('data-started')) {
      return;
    }
    element.setAttribute('data-started', 'true');
    function data(name) {
      try {
        return JSON.parse(element.getAttribute('data-' + name) || '{}');
      } catch (ignored) {
        return {};
      }
    }
    var codes = data('names');
    var countries = data('countries');
    var values = { organizations: data('organizations'), activity: data('activity') };
    var link = element.getAttribute('data-link');
    var chart = null;
    var metric = 'organizations';

    function series() {
      return Object.keys(codes).map(function (mapName) {
        var code = codes[mapName];
        return { name: code, value: values[metric][code] || 0, label: countries[code] || mapName };
      });
    }

    function draw() {
      var max = Math.max.apply(null, [1].concat(Object.keys(values[metric]).map(function (k) { return values[metric][k]; })));
      chart.setOption({
        tooltip: {
          trigger: 'item',
          formatter: function (params) {
            if (!params.data || !params.data.value) {
              return '';
            }
            return params.data.label + ': ' + params.data.value;
          }
        },
        visualMap: {
          min: 0, max: max, left: 'left', bottom: 0, calculable: false, itemHeight: 80,
          inRange: { color: ['#e7f0fe', '#0d6efd', '#052c65'] }, text: [String(max), '0']
        },
        series: [{
          type: 'map', map: 'world', roam: true, nameMap: codes, zoom: 1.2,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffc107' } },
          itemStyle: { borderColor: '#adb5bd', borderWidth: 0.5, areaColor: '#f8f9fa' },
          data: series()
        }]
      });
    }

    // world-atlas cuts shapes at the antimeridian, yet a ring of Russia or Fiji still steps
    // from +180 to -180; drawn flat, that step is a stripe across the whole map. Such a ring's
    // points on the smaller side are moved to the larger side's edge.
    function unwrap(geometry) {
      if (!geometry) {
        return;
      }
      var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
      polygons.forEach(function (polygon) {
        polygon.forEach(function (ring) {
          var jumps = false;
          var east = 0;
          for (var i = 0; i < ring.length; i++) {
            if (i > 0 && Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
              jumps = true;
            }
            east += ring[i][0] > 0 ? 1 : -1;
          }
          if (jumps) {
            ring.forEach(function (point) {
              if (east >= 0 && point[0] < 0) {
                point[0] = 180;
              } else if (east < 0 && point[0] > 0) {
                point[0] = -180;
              }
            });
          }
        });
      });
    }

    fetch(element.getAttribute('data-geo'), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (topology) {
        var geometry = window.topojson.feature(topology, topology.objects.countries);
        // Antarctica takes a sixth of the map and holds no partners
        geometry.features = geometry.features.filter(function (feature) {
          return feature.properties.name !== 'Antarctica';
        });
        geometry.features.forEach(function (feature) { unwrap(feature.geometry); });
        window.echarts.registerMap('world', geometry);
        chart = window.echarts.init(element, null, { renderer: 'canvas' });
        draw();
        element.setAttribute('data-ready', 'true');
        chart.on('click', function (params) {
          if (params.data && params.data.value) {
            window.location.assign(link + '?country=' + encodeURIComponent(params.data.name));
          }
        });
        window.addEventListener('resize', function () { chart.resize(); });
        var buttons = document.querySelectorAll('.map-metric button');
        var group = document.querySelector('.map-metric');
        if (group) {
          group.hidden = false;
        }
        Array.prototype.forEach.call(buttons, function (button) {
          button.addEventListener('click', function () {
            metric = button.getAttribute('data-metric');
            Array.prototype.forEach.call(buttons, function (b) { b.classList.toggle('active', b === button); });
            draw();
          });
        });
      })
      .catch(function () { element.hidden = true; });
  }

  start();
  document.addEventListener('htmx:afterSettle', start);
})();

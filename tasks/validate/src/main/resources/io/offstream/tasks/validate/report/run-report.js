// The run report's charts: reads the page's JSON data and draws each chart with the inlined ECharts.
// Every chart container gets data-points (how many data points it was given) once drawn; a chart
// with nothing to show gets a "no data" note and data-points="0".
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('run-report-data').textContent);
  var STATUS = { COMPLETED: '#2e7d32', FAILED: '#c62828', RUNNING: '#1565c0' };
  var charts = [];

  function show(id, points, option, height) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    if (!points) {
      el.classList.add('empty');
      var note = document.createElement('p');
      note.className = 'no-data';
      note.textContent = 'no data';
      el.appendChild(note);
      el.setAttribute('data-points', '0');
      return;
    }
    if (height) {
      el.style.height = height + 'px';
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.useUTC = true;
    chart.setOption(option);
    charts.push(chart);
    el.setAttribute('data-points', String(points));
  }

  function time(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  }

  function took(ms) {
    var s = ms / 1000;
    return s < 60 ? s.toFixed(1) + ' s' : s < 3600 ? Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s'
      : Math.floor(s / 3600) + ' h ' + Math.round(s % 3600 / 60) + ' min';
  }

  function pointCount(series) {
    return series.reduce(function (n, s) { return n + s.points.length; }, 0);
  }

  // Phase timeline: one bar per phase row from its start to its end (a running one to the report's time).
  var phases = data.phases;
  show('chart-timeline', phases.length, {
    tooltip: {
      formatter: function (p) {
        var bar = phases[p.value[0]];
        return bar.phase + ': ' + bar.status + (bar.running ? ' (running)' : '') + '<br>' + time(bar.start) + ' → ' + time(bar.end)
          + '<br>took ' + took(bar.end - bar.start) + ', attempts ' + bar.attempts;
      }
    },
    grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'time', scale: true },
    yAxis: { type: 'category', inverse: true, data: phases.map(function (p) { return p.phase; }) },
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      renderItem: function (params, api) {
        var row = api.value(0);
        var start = api.coord([api.value(1), row]);
        var end = api.coord([api.value(2), row]);
        var height = api.size([0, 1])[1] * 0.6;
        var shape = echarts.graphic.clipRectByRect(
          { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 3), height: height },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return shape && { type: 'rect', shape: shape, style: api.style() };
      },
      data: phases.map(function (p, i) {
        return { value: [i, p.start, p.end], itemStyle: { color: STATUS[p.status] || '#757575', opacity: p.running ? 0.6 : 1 } };
      })
    }]
  }, Math.max(160, 40 * phases.length + 50));

  function timeSeries(id, series, unit) {
    show(id, pointCount(series), {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 10, right: 30, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: unit, minInterval: 1 },
      series: series.map(function (s) {
        return { name: s.name, type: 'line', showSymbol: s.points.length < 60, sampling: 'lttb', data: s.points };
      })
    });
  }
  timeSeries('chart-throughput', data.throughput, 'rows/s');
  timeSeries('chart-lag', data.lag, 'records');

  function bars(id, counts, name) {
    show(id, counts.labels.length, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 10, right: 60, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.labels, axisLabel: { width: 420, overflow: 'truncate' } },
      series: [{ name: name, type: 'bar', data: counts.counts, label: { show: true, position: 'right' } }]
    }, Math.max(140, 30 * counts.labels.length + 50));
  }
  bars('chart-rejects', data.rejects, 'rows');
  bars('chart-dead-letters', data.deadLetters, 'records');
  bars('chart-diff-fields', data.diffFields || { labels: [], counts: [] }, 'changed keys');

  var days = data.partitions;
  var kinds = ['read', 'rejected', 'published', 'landed'];
  var known = kinds.reduce(function (n, k) {
    return n + days[k].filter(function (v) { return v !== null; }).length;
  }, 0);
  show('chart-partitions', known, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: days.days },
    yAxis: { type: 'value', name: 'rows', minInterval: 1 },
    // a month or more of days: zoom with the wheel or the slider
    dataZoom: days.days.length > 31 ? [{ type: 'inside' }, { type: 'slider' }] : [],
    grid: { left: 10, right: 30, top: 40, bottom: days.days.length > 31 ? 60 : 30, containLabel: true },
    series: kinds.map(function (k) { return { name: k, type: 'bar', data: days[k] }; })
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();

// caucasus-nlp report: sorts and filters the events and articles tables, reads filters from the query
// string (?type=ASSAULT&actor=...#events) so that a filtered view is a link, and records for the
// browser test what it drew (body[data-drawn-*]), what its filters show (body[data-shown-*]) and any
// error (body[data-errors]).
(function () {
  'use strict';
  var errors = [];
  function record(message) { errors.push(String(message)); document.body.dataset.errors = errors.join(' | '); }
  window.addEventListener('error', function (e) { record(e.message); });
  var params = new URLSearchParams(location.search);
  function lower(text) { return (text || '').toLowerCase(); }
  function each(list, f) { Array.prototype.forEach.call(list, f); }

  // A filter form over items: its named fields start from the query string; every change re-applies
  // `keep(item, values)`, counts what is shown and rewrites the form's "link to this view".
  function filtered(formId, items, keep, countId, shownKey, section) {
    var form = document.getElementById(formId);
    if (!form) { document.body.dataset[shownKey] = '0'; return null; }
    each(form.elements, function (field) { if (field.name && params.has(field.name)) { field.value = params.get(field.name); } });
    function apply() {
      var values = {}, query = new URLSearchParams(), shown = 0;
      each(form.elements, function (field) { if (field.name) { values[field.name] = field.value; if (field.value) { query.set(field.name, field.value); } } });
      items.forEach(function (item) { var ok = keep(item, values); item.hidden = !ok; if (ok) { shown += 1; } });
      document.getElementById(countId).textContent = shown + ' of ' + items.length + ' shown';
      document.body.dataset[shownKey] = String(shown);
      var link = form.querySelector('a[id$="-link"]');
      if (link) { link.href = '?' + query.toString() + '#' + section; }
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
    apply();
    return { form: form, apply: apply };
  }

  function inRange(day, from, to) {
    if (!from && !to) { return true; }
    return Boolean(day) && (!from || day >= from) && (!to || day <= to);
  }

  function keepEvent(row, v) {
    return (!v.type || row.dataset.type === v.type)
      && (!v.actor || (' ' + row.dataset.involved + ' ').indexOf(' ' + v.actor + ' ') >= 0)
      && inRange(row.dataset.day, v.from, v.to)
      && (!v.when || row.dataset.when === v.when)
      && (!v.q || lower(row.textContent).indexOf(lower(v.q)) >= 0);
  }

  function keepArticle(article, v) {
    return (!v.outlet || article.dataset.outlet === v.outlet)
      && inRange(article.dataset.day, v.article_from, v.article_to)
      && (!v.article_q || lower(article.textContent).indexOf(lower(v.article_q)) >= 0);
  }

  // Sort a table by a column when its header is clicked (or Enter on it): data-key where a cell has
  // one, else its text; numbers as numbers; empty cells last either way. `?sort=reports&order=desc`
  // sorts the events table so on load.
  function sortable(table) {
    each(table.querySelectorAll('th[data-sort]'), function (th) {
      function sort(wanted) {
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var order = typeof wanted === 'string' ? wanted : (th.dataset.order === 'asc' ? 'desc' : 'asc');
        var numeric = th.dataset.sort === 'number';
        each(table.querySelectorAll('th[data-sort]'), function (other) { delete other.dataset.order; });
        th.dataset.order = order;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var td = row.cells[column];
          var text = td.dataset.key !== undefined ? td.dataset.key : td.textContent.trim();
          return text === '—' ? '' : text;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (!x || !y) { return x ? -1 : (y ? 1 : 0); }
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return order === 'asc' ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
      if (table.id === 'events-table' && params.get('sort') === th.textContent.trim()) {
        sort(params.get('order') === 'desc' ? 'desc' : 'asc');
      }
    });
  }

  try {
    each(document.querySelectorAll('.type-toggle'), function (box) {
      box.addEventListener('change', function () {
        each(document.querySelectorAll('.timeline-point[data-type="' + box.value + '"]'), function (dot) {
          dot.classList.toggle('hidden', !box.checked);
        });
      });
    });
    var eventRows = Array.prototype.slice.call(document.querySelectorAll('tr.event-row'));
    var events = filtered('event-filters', eventRows, keepEvent, 'events-shown', 'shownEvents', 'events');
    filtered('article-filters', Array.prototype.slice.call(document.querySelectorAll('details.article')), keepArticle,
      'articles-shown', 'shownArticles', 'articles');
    each(document.querySelectorAll('table.sortable'), sortable);

    // the off-timeline band, the actor table and the network set one filter of the events table
    function showEvents(field, value) {
      if (!events) { return; }
      events.form.reset();
      events.form.elements[field].value = value;
      events.apply();
      document.getElementById('events').scrollIntoView();
    }
    each(document.querySelectorAll('.when-link'), function (link) {
      link.addEventListener('click', function (e) { e.preventDefault(); showEvents('when', link.dataset.when); });
    });
    each(document.querySelectorAll('.actor-link, .node'), function (node) {
      function pick(e) { e.preventDefault(); showEvents('actor', node.dataset.actor); }
      node.addEventListener('click', pick);
      node.addEventListener('keydown', function (e) { if (e.key === 'Enter') { pick(e); } });
    });

    // a link to one event or article opens it, even where the filters hide it
    function open() {
      var id;
      try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  // a malformed hash ("#50%") opens nothing
      var target = id && document.getElementById(id);
      if (!target) { return; }
      target.hidden = false;
      if (target.tagName === 'DETAILS') { target.open = true; }
      var sentences = target.tagName === 'TR' && target.querySelector('details');
      if (sentences) { sentences.open = true; }
    }
    window.addEventListener('hashchange', open);
    open();

    document.body.dataset.drawnTimeline = document.querySelectorAll('.timeline-point').length;
    document.body.dataset.drawnEvents = document.querySelectorAll('.event-point').length;
    document.body.dataset.drawnPlaces = document.querySelectorAll('.place-point').length;
    document.body.dataset.ready = '1';
  } catch (e) {
    record(e);
  }
})();

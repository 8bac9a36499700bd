// Sorting, filtering and paging for the report's tables. Without it (mail previews run no scripts) the short
// tables are complete and a long one shows its first page and a note. A long table's later rows arrive as a
// JSON list of markup the report's renderer wrote and escaped, like the first page's; this script adds them
// only when a reader pages, sorts, filters, follows a link or prints, and never builds markup from data.
(function () {
  'use strict';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  document.documentElement.classList.add('js');

  function sortValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
  }

  function compare(a, b) {
    if (a !== '' && b !== '' && !isNaN(a) && !isNaN(b)) return Number(a) - Number(b);
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  }

  // The later rows of a long table, added to it once, on first need.
  function pendingRows(table) {
    return document.querySelector('script[data-rows="' + table.id + '"]');
  }
  function pendingCount(table) {
    var block = pendingRows(table);
    return block ? Number(block.getAttribute('data-count')) || 0 : 0;
  }
  function addPendingRows(table) {
    var block = pendingRows(table);
    if (!block) return;
    var holder = document.createElement('template');
    holder.innerHTML = JSON.parse(block.textContent).join('');
    var body = table.tBodies[0];
    Array.prototype.slice.call(holder.content.children).forEach(function (row) { row.hidden = true; body.appendChild(row); });
    block.parentNode.removeChild(block);
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    each(headers, function (th, index) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        addPendingRows(table);
        each(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var c = compare(sortValue(x, index), sortValue(y, index));
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        var refresh = refreshers[table.id];
        if (refresh) refresh();
      });
    });
  }

  // A text box matches anywhere in the row; a select with data-column matches that column's text exactly.
  // A table with data-page-size shows that many matching rows at a time, with its pager's buttons to move on:
  // a 5,000-row table stays quick to scroll and to read, and the filter still searches every row.
  function makeFilterable(table) {
    var controls = document.querySelectorAll('[data-filter="' + table.id + '"]');
    var count = document.querySelector('[data-count="' + table.id + '"]');
    var pager = document.querySelector('[data-pager="' + table.id + '"]');
    var size = Number(table.getAttribute('data-page-size')) || 0;
    var page = 0;
    function apply() {
      var filtering = false;
      each(controls, function (control) { if (control.value.trim()) filtering = true; });
      // Page one of an unfiltered table needs only the rows already there.
      if (filtering || page > 0) addPendingRows(table);
      var rows = table.tBodies[0].rows;
      var later = pendingCount(table);
      var shown = 0;
      var matching = [];
      each(rows, function (row) {
        var visible = true;
        each(controls, function (control) {
          var wanted = control.value.trim().toLowerCase();
          if (!wanted || !visible) return;
          if (control.hasAttribute('data-column')) {
            var cell = row.cells[Number(control.getAttribute('data-column'))];
            visible = cell !== undefined && cell.textContent.trim().toLowerCase() === wanted;
          } else {
            visible = row.textContent.toLowerCase().indexOf(wanted) >= 0;
          }
        });
        if (visible) { shown++; matching.push(row); }
        row.hidden = !visible;
      });
      if (count) count.textContent = (shown + later) + ' of ' + (rows.length + later) + ' shown';
      if (size > 0 && pager) {
        var pages = Math.max(1, Math.ceil((matching.length + later) / size));
        if (page >= pages) page = pages - 1;
        matching.forEach(function (row, i) { row.hidden = i < page * size || i >= (page + 1) * size; });
        pager.hidden = pages < 2;
        pager.querySelector('output').textContent = 'Page ' + (page + 1) + ' of ' + pages;
        pager.querySelector('[data-step="-1"]').disabled = page === 0;
        pager.querySelector('[data-step="1"]').disabled = page >= pages - 1;
      }
    }
    each(controls, function (control) {
      control.addEventListener('input', function () { page = 0; apply(); });
      control.addEventListener('change', function () { page = 0; apply(); });
    });
    if (pager) {
      each(pager.querySelectorAll('button[data-step]'), function (button) {
        button.addEventListener('click', function () { page += Number(button.getAttribute('data-step')); apply(); });
      });
    }
    refreshers[table.id] = apply;
    return apply;
  }

  // Following a link to a user or sign-in opens its "why", and shows the row even if a filter hid it.
  function openTarget() {
    var id = location.hash.length > 1 ? location.hash.slice(1) : null;
    if (id && !document.getElementById(id)) each(document.querySelectorAll('table.filterable'), addPendingRows);
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.hidden = false;
    var details = target.querySelector('details');
    if (details) details.open = true;
    for (var up = target.parentElement; up; up = up.parentElement) {
      if (up.tagName === 'DETAILS') up.open = true;
    }
  }

  // What the page looks like in this window, for the browser tests (which cannot run scripts of their own
  // under the page's Content-Security-Policy): horizontal overflow, and where the first action ends.
  function recordLayout() {
    var root = document.documentElement;
    var first = document.querySelector('.action, #tenants-table tbody tr');
    root.setAttribute('data-viewport', String(window.innerWidth) + 'x' + String(window.innerHeight));
    root.setAttribute('data-scroll-width', String(root.scrollWidth));
    if (first) root.setAttribute('data-first-item-bottom', String(Math.ceil(first.getBoundingClientRect().bottom)));
  }

  var refreshers = {};
  each(document.querySelectorAll('table.sortable'), makeSortable);
  var filters = [];
  each(document.querySelectorAll('table.filterable'), function (table) { filters.push(makeFilterable(table)); });
  // ?q=text pre-fills the findings filter, so a link can point at one user's or one rule's findings.
  var query = new URLSearchParams(location.search).get('q');
  var findingsFilter = document.getElementById('findings-filter');
  if (query && findingsFilter) findingsFilter.value = query;
  filters.forEach(function (apply) { apply(); });
  window.addEventListener('hashchange', openTarget);
  // A printed page (often the PDF kept for the audit) shows what is folded on screen.
  window.addEventListener('beforeprint', function () {
    each(document.querySelectorAll('table.filterable'), addPendingRows);
    each(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  openTarget();
  recordLayout();
  document.body.setAttribute('data-ready', '1');
})();

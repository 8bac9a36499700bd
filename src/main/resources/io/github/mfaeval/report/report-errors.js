// Runs before anything else on the page. A script error, or anything the page's security policy blocks, is
// written into the page (and counted on <html data-errors>), where a reader and the browser test see it: a
// console nobody opens is no place for "this report is broken".
(function () {
  'use strict';
  var pending = [];
  function flush() {
    var box = document.getElementById('page-errors');
    if (!box) return;
    var list = box.querySelector('ul');
    while (pending.length) {
      var item = document.createElement('li');
      item.textContent = pending.shift();
      list.appendChild(item);
    }
    box.hidden = false;
  }
  function show(text) {
    var root = document.documentElement;
    root.setAttribute('data-errors', String(Number(root.getAttribute('data-errors') || 0) + 1));
    pending.push(text);
    flush();
  }
  window.onerror = function (message, source, line, column) {
    show(message + ' (line ' + line + ':' + column + ')');
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    show('Blocked by the page policy: ' + e.violatedDirective + (e.blockedURI ? ' ' + e.blockedURI : ''));
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (pending.length) flush();
  });
})();
